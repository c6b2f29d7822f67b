using System.Text.Json;
using System.Text.Json.Nodes;
using StoreStock.Engine.Definitions;
using StoreStock.Engine.Tasks;
using StoreStock.Engine.Timers;

namespace StoreStock.Engine.Runtime;

public sealed record StartRequest(string? DefinitionId, int? Version, int? StoreId, string? Correlation, JsonObject? Input);

public sealed record CompleteRequest(string? Outcome, JsonObject? Payload);

public sealed record TaskSummary(Guid Id, string ActivityId, string Title, IReadOnlyList<string> Assignees, DateTimeOffset? DueAt);

/// <summary>What a start, completion, retry or cancel left behind: the instance's status and the cards it issued.</summary>
public sealed record StepResult(Guid InstanceId, string Status, IReadOnlyList<TaskSummary> NewTasks, IReadOnlyList<string> Incidents)
{
    /// <summary>Timers the step created; the near ones get their Quartz trigger once the step has committed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal IReadOnlyList<TimerRecord> NewTimers { get; init; } = [];

    /// <summary>The instance's variables as the step saved them, for a caller that needs what its first step wrote (a document's number).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonObject Variables { get; init; } = [];
}

/// <summary>
/// Starts and drives instances. Every operation is one transaction that locks the instance row first (so any node
/// can run any instance), runs one step, and saves the state with everything the step wrote.
/// </summary>
public sealed class WorkflowRuntime(EngineDatabase database, EngineServices services, PublishedDefinitions definitions, ITimerPlanner timers)
{
    public async Task<Outcome<StepResult>> StartAsync(StartRequest request, WorkflowActor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            errors.Add("definitionId", "is required");
        }

        int? regionId = null;
        if (request.StoreId is { } storeId && (regionId = await services.Org.RegionOfStoreAsync(storeId, ct)) is null)
        {
            errors.Add("storeId", "is not a store");
        }

        if (errors.Any)
        {
            return errors;
        }

        var storeOfInstance = request.StoreId ?? actor.StoreId;
        regionId ??= storeOfInstance is { } s ? await services.Org.RegionOfStoreAsync(s, ct) : actor.RegionId;
        if (!WorkflowScope.CanSee(actor, services.Org, storeOfInstance, regionId))
        {
            return Failure.Forbidden("只能在自己的门店或区域内发起流程 (you can start workflows only inside your scope)");
        }

        var result = await database.InTransactionAsync<Outcome<StepResult>>(async work =>
        {
            var version = request.Version ?? await DefinitionStore.LatestPublishedAsync(work, request.DefinitionId!, ct);
            var definition = version is null ? null : await definitions.GetAsync(work, request.DefinitionId!, version.Value, ct);
            if (definition is null)
            {
                return Failure.NotFound($"工作流 {request.DefinitionId} 没有已发布的版本{(request.Version is null ? "" : $" {request.Version}")} (no published version)");
            }

            var variables = InitialVariables(definition.Definition, request.Input ?? [], out var inputErrors);
            if (inputErrors.Any)
            {
                return inputErrors;
            }

            var now = services.Clock.GetUtcNow();
            var instance = new InstanceRecord
            {
                Id = Guid.CreateVersion7(now), DefinitionId = definition.Definition.DefinitionId, Version = definition.Definition.Version,
                StoreId = storeOfInstance, RegionId = regionId, Correlation = request.Correlation, Variables = variables,
                StartedBy = actor.Actor, CreatedAt = now, UpdatedAt = now,
            };
            var step = new WorkflowStep(services, definition, instance, [], work, actor, ct);
            await step.StartAsync();
            return await SaveAsync(work, step, ct);
        }, ct);
        return await AfterCommitAsync(result, ct);
    }

    /// <summary>Completes a card as the actor: the first completion resumes the workflow; any later one is refused as already done.</summary>
    public async Task<Outcome<StepResult>> CompleteTaskAsync(Guid taskId, CompleteRequest request, WorkflowActor actor, CancellationToken ct)
    {
        var result = await database.InTransactionAsync<Outcome<StepResult>>(async work =>
        {
            var locked = await LockAsync(work, LockTarget.Task, taskId, actor, ct);
            if (!locked.Succeeded)
            {
                return locked.Failure!;
            }

            var (definition, instance, bookmarks, task) = locked.Value!;
            if (!task!.Assignees.Contains(actor.Username ?? "") && !WorkflowScope.IsHq(actor, services.Org))
            {
                return Failure.Forbidden("你不是该任务的处理人 (the task is not assigned to you)");
            }

            if (task.Status != Tasks.TaskStatus.Open)
            {
                return Failure.Conflict($"任务已{StatusWord(task.Status)}，不能再次处理 (the task is already {task.Status})",
                    new { task.Status, task.CompletedBy, task.Outcome, task.CompletedAt });
            }

            var payload = request.Payload ?? [];
            var errors = FormPayloadValidator.Validate(task.Form, payload, instance.Variables);
            if (request.Outcome is null || !task.Outcomes.Contains(request.Outcome))
            {
                errors.Add("outcome", $"must be one of: {string.Join(", ", task.Outcomes)}");
            }

            if (errors.Any)
            {
                return errors;
            }

            var bookmark = bookmarks.Find(b => b.Id == task.BookmarkId);
            if (bookmark is null)
            {
                return Failure.Conflict("任务对应的等待点已不存在 (the task's bookmark is gone)");
            }

            var step = new WorkflowStep(services, definition, instance, bookmarks, work, actor, ct);
            task.Status = Tasks.TaskStatus.Completed;
            task.CompletedAt = step.Now;
            task.CompletedBy = actor.Actor;
            task.Outcome = request.Outcome;
            task.Payload = payload;
            task.History.Add(new TaskHistoryEntry(step.Now, "completed", actor.Actor, request.Outcome));
            step.Changes.ChangedTasks.Add(task);
            step.Changes.Outbox.AddRange(task.Assignees.Where(a => a != actor.Username)
                .Select(a => new OutboxMessage(instance.Id, task.Id, OutboxMessageKind.TaskClosed, a, task.Title, $"已由 {actor.Actor} 处理：{request.Outcome}")));
            await step.ResumeAsync(bookmark, new ResumeSignal.TaskCompleted(task, request.Outcome!, payload, actor));
            if (step.ActiveBookmarks.Any(b => b.Id == bookmark.Id))
            {
                // The resume faulted before it consumed the bookmark: the card stays open so it can be completed after a retry.
                step.Changes.ChangedTasks.Remove(task);
                step.Changes.Outbox.RemoveAll(m => m.Kind == OutboxMessageKind.TaskClosed && m.TaskId == task.Id);
            }

            return await SaveAsync(work, step, ct);
        }, ct);
        return await AfterCommitAsync(result, ct);
    }

    /// <summary>
    /// A timer came due. A timer already consumed (its card done, its instance gone) changes nothing. Returns the due
    /// time when the engine's clock says it is not due yet (a clock moved), so the caller can try again then.
    /// </summary>
    public async Task<DateTimeOffset?> FireTimerAsync(Guid timerId, CancellationToken ct)
    {
        DateTimeOffset? notYet = null;
        var result = await database.InTransactionAsync<Outcome<StepResult>?>(async work =>
        {
            var (instance, bookmarks, _, timer) = await InstanceStore.LockAsync(work, LockTarget.Timer, timerId, ct);
            if (instance is null || timer is null)
            {
                return null;
            }

            if (timer.DueAt > services.Clock.GetUtcNow())
            {
                notYet = timer.DueAt;
                return null;
            }

            var definition = (await definitions.GetAsync(work, instance.DefinitionId, instance.Version, ct))!;
            var step = new WorkflowStep(services, definition, instance, bookmarks, work, WorkflowActor.System("timer"), ct);
            step.Changes.ConsumedTimers.Add(timer.Id);
            if (bookmarks.Find(b => b.Id == timer.BookmarkId) is { } bookmark)
            {
                await step.ResumeAsync(bookmark, new ResumeSignal.TimerFired(timer.Kind));
            }

            return await SaveAsync(work, step, ct);
        }, ct);
        if (result is not null)
        {
            await AfterCommitAsync(result, ct);
        }

        return notYet;
    }

    public async Task<Outcome<StepResult>> CancelAsync(Guid instanceId, WorkflowActor actor, CancellationToken ct)
    {
        try
        {
            return await OnInstanceAsync(instanceId, actor, async step =>
            {
                if (InstanceStatus.IsClosed(step.Instance.Status))
                {
                    return Failure.Conflict($"流程实例已{StatusWord(step.Instance.Status)} (the instance is already {step.Instance.Status})");
                }

                await step.CancelAsync();
                return null;
            }, ct);
        }
        catch (Activities.CancelRefusedException refused)
        {
            // Thrown out of the transaction, so nothing of the cancel is kept (what other hooks gave back included).
            return Failure.Conflict(refused.Message);
        }
    }

    public async Task<Outcome<StepResult>> RetryAsync(Guid instanceId, WorkflowActor actor, CancellationToken ct) =>
        await OnInstanceAsync(instanceId, actor, async step =>
        {
            if (step.Instance.Status != InstanceStatus.Faulted)
            {
                return Failure.Conflict($"只有出错的流程实例可以重试，该实例为 {step.Instance.Status} (only a faulted instance can be retried)");
            }

            await step.RetryAsync();
            return null;
        }, ct);

    /// <summary>Hands an open card to other people: HQ anywhere, a supervisor in their region, a store manager in their store.</summary>
    public async Task<Outcome<StepResult>> ReassignTaskAsync(Guid taskId, IReadOnlyList<string>? assignees, WorkflowActor actor, CancellationToken ct)
    {
        if (assignees is not { Count: > 0 } || assignees.Count > 20)
        {
            return FieldErrors.Of("assignees", "must list 1–20 usernames");
        }

        var unknown = new List<string>();
        var people = new List<WorkflowActor>();
        foreach (var username in assignees)
        {
            if (await services.Org.FindUserAsync(username, ct) is { } person)
            {
                people.Add(person);
            }
            else
            {
                unknown.Add(username);
            }
        }

        if (unknown.Count > 0)
        {
            return FieldErrors.Of("assignees", $"unknown users: {string.Join(", ", unknown)}");
        }

        var result = await database.InTransactionAsync<Outcome<StepResult>>(async work =>
        {
            var locked = await LockAsync(work, LockTarget.Task, taskId, actor, ct);
            if (!locked.Succeeded)
            {
                return locked.Failure!;
            }

            var (definition, instance, bookmarks, found) = locked.Value!;
            var task = found!;
            if (actor.Role is null || (actor.Role == services.Org.RoleLadder[0] && !WorkflowScope.IsHq(actor, services.Org)))
            {
                return Failure.Forbidden("店员不能转交任务 (only managers, supervisors and HQ can reassign)");
            }

            var outside = people.Where(p => !WorkflowScope.CanSee(p, services.Org, task.StoreId, task.RegionId)).Select(p => p.Username).ToList();
            if (outside.Count > 0)
            {
                return FieldErrors.Of("assignees", $"not in the card's store or region: {string.Join(", ", outside)}");
            }

            if (task.Status != Tasks.TaskStatus.Open)
            {
                return Failure.Conflict($"任务已{StatusWord(task.Status)} (the task is already {task.Status})", new { task.Status });
            }

            var step = new WorkflowStep(services, definition, instance, bookmarks, work, actor, ct);
            var added = assignees.Except(task.Assignees, StringComparer.Ordinal).ToList();
            task.Assignees = [.. assignees.Distinct(StringComparer.Ordinal)];
            task.AssigneeRole = null;
            task.History.Add(new TaskHistoryEntry(step.Now, "reassigned", actor.Actor, string.Join(",", task.Assignees)));
            step.Changes.ChangedTasks.Add(task);
            step.Changes.Outbox.AddRange(added.Select(a => new OutboxMessage(instance.Id, task.Id, OutboxMessageKind.Task, a, task.Title, task.Body)));
            instance.UpdatedAt = step.Now;
            return await SaveAsync(work, step, ct);
        }, ct);
        return result;
    }

    private async Task<Outcome<StepResult>> OnInstanceAsync(Guid instanceId, WorkflowActor actor, Func<WorkflowStep, Task<Failure?>> change, CancellationToken ct)
    {
        var result = await database.InTransactionAsync<Outcome<StepResult>>(async work =>
        {
            var locked = await LockAsync(work, LockTarget.Instance, instanceId, actor, ct);
            if (!locked.Succeeded)
            {
                return locked.Failure!;
            }

            var (definition, instance, bookmarks, _) = locked.Value!;
            var step = new WorkflowStep(services, definition, instance, bookmarks, work, actor, ct);
            return await change(step) is { } failure ? failure : await SaveAsync(work, step, ct);
        }, ct);
        return await AfterCommitAsync(result, ct);
    }

    private Task<Outcome<StepResult>> OnInstanceAsync(Guid instanceId, WorkflowActor actor, Func<WorkflowStep, Failure?> change, CancellationToken ct) =>
        OnInstanceAsync(instanceId, actor, step => Task.FromResult(change(step)), ct);

    /// <summary>Finds the instance of a task or instance id, locks it, and checks the actor may see it (an assignee always sees their card).</summary>
    private async Task<Outcome<LockedInstance>> LockAsync(UnitOfWork work, LockTarget target, Guid id, WorkflowActor actor, CancellationToken ct)
    {
        var (instance, bookmarks, task, _) = await InstanceStore.LockAsync(work, target, id, ct);
        // A card issued in another store than its instance's (a transfer's receipt) is also in the scope of that store's people.
        var seesCard = task is not null && ((actor.Username is { } username && task.Assignees.Contains(username))
            || (task.StoreId != instance?.StoreId && WorkflowScope.CanSee(actor, services.Org, task.StoreId, task.RegionId)));
        if (instance is null || (target == LockTarget.Task && task is null) || (!WorkflowScope.CanSee(actor, services.Org, instance.StoreId, instance.RegionId) && !seesCard))
        {
            return Failure.NotFound(target == LockTarget.Task ? $"没有任务 {id} (no such task)" : $"没有流程实例 {id} (no such instance)");
        }

        var definition = (await definitions.GetAsync(work, instance.DefinitionId, instance.Version, ct))!;
        return new LockedInstance(definition, instance, bookmarks, task);
    }

    private static async Task<Outcome<StepResult>> SaveAsync(UnitOfWork work, WorkflowStep step, CancellationToken ct)
    {
        await InstanceStore.SaveAsync(work, step.Instance, step.Changes, ct);
        return new StepResult(step.Instance.Id, step.Instance.Status,
            step.Changes.NewTasks.Select(t => new TaskSummary(t.Id, t.ActivityId, t.Title, t.Assignees, t.DueAt)).ToList(),
            step.Changes.Incidents.Select(i => i.Message).ToList())
        {
            NewTimers = step.Changes.NewTimers,
            Variables = step.Instance.Variables,
        };
    }

    private async Task<Outcome<T>> AfterCommitAsync<T>(Outcome<T> outcome, CancellationToken ct)
        where T : notnull
    {
        if (outcome.Value is StepResult { NewTimers.Count: > 0 } result)
        {
            await timers.PlanSoonAsync(result.NewTimers, ct);
        }

        return outcome;
    }

    private static JsonObject InitialVariables(WorkflowDefinition definition, JsonObject input, out FieldErrors errors)
    {
        errors = new FieldErrors();
        var variables = new JsonObject();
        foreach (var variable in definition.Variables)
        {
            variables[variable.Name] = variable.Default?.DeepClone();
        }

        foreach (var (name, value) in input)
        {
            if (definition.Variables.Find(v => v.Name == name) is { } declared && value is not null && !HasType(value, declared.Type))
            {
                errors.Add($"input.{name}", $"must be {declared.Type}");
            }

            variables[name] = StoredJson.Of(value);
        }

        return variables;
    }

    private static bool HasType(JsonNode value, string type) => (type, value.GetValueKind()) switch
    {
        ("string", JsonValueKind.String) or ("number", JsonValueKind.Number) or ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        _ => false,
    };

    private static string StatusWord(string status) => status switch
    {
        Tasks.TaskStatus.Completed => "完成",
        Tasks.TaskStatus.Expired => "过期",
        Tasks.TaskStatus.Cancelled => "取消",
        InstanceStatus.Finished => "结束",
        _ => status,
    };

    private sealed record LockedInstance(CompiledDefinition Definition, InstanceRecord Instance, List<BookmarkRecord> Bookmarks, TaskCard? Task);
}
