using System.Text.Json;
using Dapper;

using Xunit;

namespace StoreStock.TestSupport;

/// <summary>
/// What tests of human work read besides the API answers: the outbox and Quartz's triggers straight from the
/// database, a card and its story inside an instance detail, and the test clock moved to a moment.
/// </summary>
public static class WorkflowProbes
{
    /// <summary>Long enough in real time for the sweep (200 ms) and Quartz (1 s idle) to fire anything that is due.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2.5);

    public sealed record OutboxRow(string Kind, string Recipient, string Title, string Body, Guid? TaskId);

    public static async Task<IReadOnlyList<OutboxRow>> OutboxAsync(this WorkflowHostApp app, Guid instanceId)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return (await connection.QueryAsync<OutboxRow>(
            "select kind, recipient, title, body, task_id as TaskId from wf_outbox where instance_id = @instanceId order by id",
            new { instanceId })).ToList();
    }

    /// <summary>The recipients of the instance's outbox messages of one kind, in the order they were written.</summary>
    public static async Task<IReadOnlyList<string>> RecipientsAsync(this WorkflowHostApp app, Guid instanceId, string kind) =>
        (await app.OutboxAsync(instanceId)).Where(m => m.Kind == kind).Select(m => m.Recipient).ToList();

    /// <summary>How many of these timers still have a trigger in Quartz's job store (a trigger is named by its timer's id).</summary>
    public static async Task<long> QuartzTriggerCountAsync(this WorkflowHostApp app, IEnumerable<Guid> timerIds)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select count(*) from qrtz_triggers where trigger_group = @group and trigger_name = any(@names)",
            new { group = StoreStock.Engine.Timers.QuartzTimerPlanner.TriggerGroup, names = timerIds.Select(id => id.ToString()).ToArray() });
    }

    public static async Task<long> TimerRowCountAsync(this WorkflowHostApp app, Guid instanceId)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from wf_timer where instance_id = @instanceId", new { instanceId });
    }

    /// <summary>Polls (real time) until the check holds, for what the API does not show, such as Quartz's triggers.</summary>
    public static async Task UntilAsync(Func<Task<bool>> check, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await check())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"Timed out waiting for: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Moves the test clock forward to the moment (never back: other tests of the class may have moved it further).</summary>
    public static void AdvanceTo(this WorkflowHostApp app, DateTimeOffset moment)
    {
        var by = moment - app.Clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            app.Clock.Advance(by);
        }
    }

    /// <summary>The ids of the open cards the user sees in "my tasks".</summary>
    public static async Task<IReadOnlyList<Guid>> MyTaskIdsAsync(this WorkflowHostApp app, string username)
    {
        var (_, mine) = await (await app.ClientAsync(username)).GetJsonAsync("/api/tasks/mine");
        return mine.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
    }

    public static Guid InstanceId(this JsonElement started) => started.GetProperty("instanceId").GetGuid();

    /// <summary>The id of the single card a start or a completion issued.</summary>
    public static Guid NewTaskId(this JsonElement step) => Assert.Single(step.GetProperty("newTasks").EnumerateArray()).GetProperty("id").GetGuid();

    public static string Status(this JsonElement detail) => detail.GetProperty("instance").GetProperty("status").GetString()!;

    /// <summary>The instance's cards issued by one activity, oldest first.</summary>
    public static IReadOnlyList<JsonElement> Cards(this JsonElement detail, string activityId) =>
        detail.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("activityId").GetString() == activityId).ToList();

    /// <summary>The latest card an activity issued.</summary>
    public static JsonElement Card(this JsonElement detail, string activityId) => detail.Cards(activityId)[^1];

    public static JsonElement Card(this JsonElement detail, Guid taskId) =>
        detail.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == taskId);

    public static IReadOnlyList<string> Assignees(this JsonElement card) =>
        card.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()!).ToList();

    public static IReadOnlyList<string> HistoryEvents(this JsonElement card) =>
        card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()!).ToList();

    public static int EscalationLevel(this JsonElement card) => card.GetProperty("escalationLevel").GetInt32();

    public static string CardStatus(this JsonElement card) => card.GetProperty("status").GetString()!;

    /// <summary>The journal as (activity, event, outcome) triples.</summary>
    public static IReadOnlyList<(string Activity, string Event, string? Outcome)> Journal(this JsonElement detail) =>
        detail.GetProperty("journal").EnumerateArray()
            .Select(j => (j.GetProperty("activityId").GetString()!, j.GetProperty("event").GetString()!,
                j.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String ? outcome.GetString() : null))
            .ToList();

    public static IReadOnlyList<Guid> TimerIds(this JsonElement detail) =>
        detail.GetProperty("timers").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
}
