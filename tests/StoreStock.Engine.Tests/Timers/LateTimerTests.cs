using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Timers;

namespace StoreStock.Engine.Tests.Timers;

/// <summary>Invariant 6 for timers: a trigger that fires after its card was done, or fires twice, changes nothing.</summary>
public sealed class LateTimerTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Triggers_that_fire_after_the_card_was_completed_change_nothing_and_leave_no_timer_behind()
    {
        // Every deadline is inside the planning horizon, so each already has its Quartz trigger when the card is done.
        var (instanceId, taskId, createdAt) = await StartCheckAsync(new { remindAfter = "PT3M", escalateAfter = "PT6M", expireAfter = "PT9M" });
        var timerIds = (await app.InstanceAsync(instanceId)).TimerIds();
        Assert.Equal(3, timerIds.Count);
        Assert.Equal(3, await app.QuartzTriggerCountAsync(timerIds));

        var (status, body) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var completed = await app.InstanceAsync(instanceId);
        var outboxWhenCompleted = await app.OutboxAsync(instanceId);
        Assert.Equal(0, await app.TimerRowCountAsync(instanceId));

        app.AdvanceTo(createdAt + TimeSpan.FromHours(1));
        await WorkflowProbes.UntilAsync(async () => await app.QuartzTriggerCountAsync(timerIds) == 0, "the late triggers to fire");
        await Task.Delay(WorkflowProbes.QuietPeriod);

        var after = await app.InstanceAsync(instanceId);
        Assert.Equal("finished", after.Status());
        Assert.Equal(completed.Journal(), after.Journal());
        Assert.Equal(["created", "completed"], after.Card(taskId).HistoryEvents());
        Assert.Equal("completed", after.Card(taskId).CardStatus());
        Assert.Equal(outboxWhenCompleted, await app.OutboxAsync(instanceId));
        Assert.DoesNotContain(outboxWhenCompleted, m => m.Kind is "remind" or "escalate");
        Assert.Empty(after.GetProperty("incidents").EnumerateArray());
        Assert.Equal(0, await app.TimerRowCountAsync(instanceId));
        Assert.Equal(0, await app.QuartzTriggerCountAsync(timerIds));
    }

    [Fact]
    public async Task A_reminder_whose_trigger_fires_a_second_time_reminds_once()
    {
        var (instanceId, taskId, createdAt) = await StartCheckAsync(new { remindAfter = "PT5M", escalateAfter = "PT24H", expireAfter = "PT48H" });
        var remind = (await app.InstanceAsync(instanceId)).GetProperty("timers").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == TimerKind.Remind);
        var remindId = remind.GetProperty("id").GetGuid();

        app.AdvanceTo(createdAt + TimeSpan.FromMinutes(5));
        await app.EventuallyAsync(instanceId, d => d.Card(taskId).HistoryEvents().Contains("reminded"), "the reminder after 5 min");

        var planner = app.Services.GetRequiredService<QuartzTimerPlanner>();
        await planner.PlanAsync([new TimerRecord(remindId, instanceId, remind.GetProperty("bookmarkId").GetGuid(), TimerKind.Remind, app.Clock.GetUtcNow())], CancellationToken.None);
        await WorkflowProbes.UntilAsync(async () => await app.QuartzTriggerCountAsync([remindId]) == 0, "the repeated trigger to fire");
        await Task.Delay(WorkflowProbes.QuietPeriod);

        var detail = await app.InstanceAsync(instanceId);
        Assert.Equal(["created", "reminded"], detail.Card(taskId).HistoryEvents());
        Assert.Equal("open", detail.Card(taskId).CardStatus());
        Assert.Equal([app.ManagerA], await app.RecipientsAsync(instanceId, "remind"));
        Assert.Equal([TimerKind.Escalate, TimerKind.Expire], detail.GetProperty("timers").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.Empty(detail.GetProperty("incidents").EnumerateArray());
    }

    private async Task<(Guid InstanceId, Guid TaskId, DateTimeOffset CreatedAt)> StartCheckAsync(object deadline)
    {
        var id = Flow.Id("late-timer");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("check", "UserTask", new { title = "核对到货", assignee = app.ManagerA, deadline })
            .Activity("end", "End").Activity("late", "End")
            .Connect("start", "check").Connect("check", "end").Connect("check", "late", "Timeout").Build());
        var started = await app.StartAsync(id);
        var taskId = started.NewTaskId();
        var createdAt = (await app.InstanceAsync(started.InstanceId())).Card(taskId).GetProperty("createdAt").GetDateTimeOffset();
        return (started.InstanceId(), taskId, createdAt);
    }
}
