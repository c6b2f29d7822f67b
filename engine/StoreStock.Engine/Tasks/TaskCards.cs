using StoreStock.Engine.Activities;
using StoreStock.Engine.Expressions;
using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Tasks;

/// <summary>What a card should say and who should get it, before assignees are resolved.</summary>
/// <param name="StoreId">The store the card belongs to when it is not the instance's (a transfer's receipt at the destination).</param>
public sealed record TaskSpec(
    string Title, string Body, List<FormField> Form, List<string> Outcomes, string? AssigneeUser, string? AssigneeRole, DeadlinePolicy? Deadline, int? StoreId = null);

/// <summary>
/// Issues task cards and carries out their deadline policy, for every activity that waits on people
/// (UserTask, ApprovalChain): resolve the assignees, plan remind / escalate / expire, tell people through the outbox.
/// </summary>
public static class TaskCards
{
    public static async Task<TaskCard> IssueAsync(ActivityContext context, BookmarkRecord bookmark, TaskSpec spec)
    {
        var (storeId, regionId) = spec.StoreId is { } store
            ? (store, await context.Org.RegionOfStoreAsync(store, context.CancellationToken)
                ?? throw new ActivityFaultException($"任务 {context.Activity.Id} 的门店 {store} 不存在 (no such store)"))
            : (context.Instance.StoreId, context.Instance.RegionId);
        var (role, assignees, note) = spec.AssigneeUser is { Length: > 0 } user
            ? (null, [user], null)
            : await ResolveRoleAsync(context, spec.AssigneeRole ?? throw new ActivityFaultException($"任务 {context.Activity.Id} 没有指定处理人或角色 (no assignee)"), storeId, regionId);
        var deadline = spec.Deadline ?? new DeadlinePolicy();
        var card = new TaskCard
        {
            Id = Guid.NewGuid(),
            InstanceId = context.Instance.Id,
            BookmarkId = bookmark.Id,
            ActivityId = context.Activity.Id,
            Title = spec.Title,
            Body = spec.Body,
            Form = spec.Form,
            Outcomes = spec.Outcomes,
            AssigneeRole = role,
            Assignees = [.. assignees],
            StoreId = storeId,
            RegionId = regionId,
            DueAt = After(context.Now, deadline.ExpireAfter) ?? After(context.Now, deadline.EscalateAfter),
            CreatedAt = context.Now,
            History = [new TaskHistoryEntry(context.Now, "created", context.Actor.Actor, note)],
        };
        context.AddTask(card);
        Plan(context, bookmark, TimerKind.Remind, deadline.RemindAfter);
        Plan(context, bookmark, TimerKind.Escalate, deadline.EscalateAfter);
        Plan(context, bookmark, TimerKind.Expire, deadline.ExpireAfter);
        context.Notify(OutboxMessageKind.Task, card.Assignees, card.Title, card.Body, card.Id);
        return card;
    }

    /// <summary>
    /// A deadline came due. Remind and escalate keep the card waiting (null is returned);
    /// expire closes it and returns the card so the activity can leave by its Timeout port.
    /// </summary>
    public static async Task<TaskCard?> OnDeadlineAsync(ActivityContext context, BookmarkRecord bookmark, string kind, DeadlinePolicy? policy)
    {
        var card = await context.OpenTaskOfAsync(bookmark) ?? throw new ActivityFaultException($"书签 {bookmark.Id} 没有待办任务 (no open card for the bookmark)");
        switch (kind)
        {
            case TimerKind.Remind:
                card.History.Add(new TaskHistoryEntry(context.Now, "reminded", context.Actor.Actor, null));
                context.Notify(OutboxMessageKind.Remind, card.Assignees, $"提醒：{card.Title}", card.Body, card.Id);
                break;
            case TimerKind.Escalate:
                await EscalateAsync(context, card, policy?.EscalationMode ?? "reassign", policy?.EscalateTo);
                break;
            case TimerKind.Expire:
                card.Status = TaskStatus.Expired;
                card.CompletedAt = context.Now;
                card.Outcome = Activity.Timeout;
                card.History.Add(new TaskHistoryEntry(context.Now, "expired", context.Actor.Actor, null));
                context.UpdateTask(card);
                return card;
        }

        context.UpdateTask(card);
        return null;
    }

    /// <summary>
    /// Moves the card one level up the ladder (store manager → regional supervisor → HQ), or on its first escalation
    /// straight to <paramref name="firstTo"/> when the policy names a role, and tells the new level.
    /// Roles resolve within the card's store and region.
    /// </summary>
    public static async Task EscalateAsync(ActivityContext context, TaskCard card, string mode, string? firstTo = null)
    {
        var ladder = context.Org.RoleLadder;
        var current = card.AssigneeRole;
        if (current is null && card.Assignees.Count > 0)
        {
            current = (await context.Org.FindUserAsync(card.Assignees[0], context.CancellationToken))?.Role;
        }

        var index = current is null ? -1 : ladder.ToList().IndexOf(current);
        var target = card.EscalationLevel == 0 && firstTo is { Length: > 0 } ? firstTo : index + 1 < ladder.Count ? ladder[index + 1] : null;
        if (target is null)
        {
            card.History.Add(new TaskHistoryEntry(context.Now, "escalation_skipped", context.Actor.Actor, "已是最高级别 (already at the top level)"));
            context.Notify(OutboxMessageKind.Remind, card.Assignees, $"已超时：{card.Title}", card.Body, card.Id);
            return;
        }

        var (role, users, note) = await ResolveRoleAsync(context, target, card.StoreId, card.RegionId);
        var added = users.Except(card.Assignees, StringComparer.Ordinal).ToList();
        card.Assignees = mode == "add" ? [.. card.Assignees.Union(users, StringComparer.Ordinal)] : [.. users];
        card.AssigneeRole = role;
        card.EscalationLevel++;
        card.History.Add(new TaskHistoryEntry(context.Now, "escalated", context.Actor.Actor, note ?? $"升级至 {role} (escalated to {role})"));
        context.Notify(OutboxMessageKind.Escalate, added, $"升级：{card.Title}", card.Body, card.Id);
    }

    /// <summary>The holders of a role in the card's store or region; when nobody holds it, the next level up.</summary>
    public static async Task<(string Role, IReadOnlyList<string> Users, string? Note)> ResolveRoleAsync(ActivityContext context, string role, int? storeId, int? regionId)
    {
        var ladder = context.Org.RoleLadder.ToList();
        var candidate = role;
        while (true)
        {
            var users = await context.Org.UsersInRoleAsync(candidate, storeId, regionId, context.CancellationToken);
            if (users.Count > 0)
            {
                return (candidate, users, candidate == role ? null : $"无人担任 {role}，已交给 {candidate} (nobody holds {role}; given to {candidate})");
            }

            var index = ladder.IndexOf(candidate);
            if (index < 0 || index + 1 >= ladder.Count)
            {
                throw new ActivityFaultException($"找不到担任 {role} 或更高级别的人 (nobody holds {role} or a higher role here)");
            }

            candidate = ladder[index + 1];
        }
    }

    private static void Plan(ActivityContext context, BookmarkRecord bookmark, string kind, string? after)
    {
        if (After(context.Now, after) is { } due)
        {
            context.ScheduleTimer(bookmark, kind, due);
        }
    }

    private static DateTimeOffset? After(DateTimeOffset now, string? duration) => Durations.TryParse(duration, out var span) ? now + span : null;
}
