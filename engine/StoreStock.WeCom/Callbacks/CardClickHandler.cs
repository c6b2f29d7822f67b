using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StoreStock.Engine.Runtime;
using StoreStock.WeCom.Cards;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Callbacks;

/// <summary>
/// A button click on a task card: completes the task as the clicking user (the engine's assignee and scope checks
/// apply), then turns that user's card into the decision, or into what became of the task when the click came too
/// late or from someone it is no longer for.
/// </summary>
public sealed partial class CardClickHandler(
    WorkflowRuntime runtime,
    IWeComActorResolver people,
    IWeComClient client,
    NpgsqlDataSource dataSource,
    IOptions<WeComOptions> options,
    IOptions<WeComCallbackOptions> callbackOptions,
    ILogger<CardClickHandler> logger)
{
    public async Task<ClickResult> HandleAsync(CallbackEvent click, CancellationToken ct)
    {
        var (result, cardText) = await CompleteAsync(click, ct);
        if (click.ResponseCode is null)
        {
            return new ClickResult(result, cardText, null, "没有 ResponseCode，无法更新卡片 (no ResponseCode: the card cannot be updated)");
        }

        var error = await UpdateCardAsync(click, cardText, ct);
        return new ClickResult(result, cardText, error is null, error);
    }

    private async Task<(string Result, string CardText)> CompleteAsync(CallbackEvent click, CancellationToken ct)
    {
        if (!CardTaskId.TryParse(click.TaskId, out var taskId, out var outboxId))
        {
            return (ClickResults.UnknownTask, CardTexts.Invalid);
        }

        var username = options.Value.Username(click.FromUserName);
        if (await people.ActorAsync(username, ct) is not { } actor)
        {
            return (ClickResults.UnknownUser, CardTexts.Invalid);
        }

        var completed = await runtime.CompleteTaskAsync(taskId, new CompleteRequest(click.EventKey, null), actor, ct);
        if (completed.Succeeded)
        {
            return (ClickResults.Completed, CardTexts.Decided(click.EventKey));
        }

        // Refused (not theirs, already done, not a valid outcome): the card shows what became of the task instead.
        return await TaskStateAsync(taskId, outboxId, ct) switch
        {
            null => (ClickResults.UnknownTask, CardTexts.Invalid),
            { Status: Engine.Tasks.TaskStatus.Completed } done =>
                (ClickResults.AlreadyDone, await CardTexts.DecidedByAsync(people, done.CompletedBy, done.Outcome, ct)),
            { Status: Engine.Tasks.TaskStatus.Expired } => (ClickResults.Expired, CardTexts.Expired),
            { Status: Engine.Tasks.TaskStatus.Cancelled } => (ClickResults.Cancelled, CardTexts.Cancelled),
            { } open when open.Assignees.Contains(username) => (ClickResults.Refused, CardTexts.UseTasksApp),
            // The card was sent to this user and has moved on (reassigned, escalated), or it was never theirs.
            { } open when open.CardRecipient == username => (ClickResults.Reassigned, CardTexts.Reassigned),
            _ => (ClickResults.NotAssignee, CardTexts.NotYours),
        };
    }

    /// <summary>
    /// Updates the clicker's copy of the card; returns the error that remained. The client already retries WeCom's busy
    /// and rate-limit answers, so only an unreachable WeCom is tried again here.
    /// </summary>
    private async Task<string?> UpdateCardAsync(CallbackEvent click, string cardText, CancellationToken ct)
    {
        var update = new TemplateCardUpdate
        {
            Userids = [click.FromUserName],
            ResponseCode = click.ResponseCode!,
            Button = new ReplaceButton(cardText),
        };
        var settings = callbackOptions.Value;
        var wait = settings.CardUpdateBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.UpdateTemplateCardAsync(update, ct);
                return null;
            }
            catch (WeComUnreachableException) when (attempt < settings.CardUpdateAttempts)
            {
                await Task.Delay(wait, ct);
                wait *= 2;
            }
            catch (Exception e) when (e is WeComApiException or WeComUnreachableException)
            {
                LogCardUpdateFailed(logger, click.TaskId, click.FromUserName, attempt, e);
                return e.Message;
            }
        }
    }

    /// <summary>The task as it stands, with the recipient of the outbox message that carried the clicked card.</summary>
    private async Task<TaskState?> TaskStateAsync(Guid taskId, long outboxId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TaskState>(new CommandDefinition(
            """
            select t.status, t.completed_by as CompletedBy, t.outcome, t.assignees,
                   (select o.recipient from wf_outbox o where o.id = @outboxId and o.task_id = t.id) as CardRecipient
            from wf_task t where t.id = @taskId
            """, new { taskId, outboxId }, cancellationToken: ct));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update WeCom card {TaskId} for {UserId} after {Attempts} attempts; the task itself is done")]
    private static partial void LogCardUpdateFailed(ILogger logger, string? taskId, string userId, int attempts, Exception exception);

    private sealed class TaskState
    {
        public string Status { get; init; } = "";
        public string? CompletedBy { get; init; }
        public string? Outcome { get; init; }
        public string[] Assignees { get; init; } = [];
        public string? CardRecipient { get; init; }
    }
}
