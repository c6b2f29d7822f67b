using System.Globalization;
using System.Text.Json;

namespace StoreStock.Engine.Tests.Timers;

/// <summary>Delay by a duration or until a moment: Quartz fires it when the test clock reaches the due time, and not before.</summary>
public sealed class DelayTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task A_delay_of_thirty_minutes_waits_until_the_clock_has_moved_thirty_minutes_then_continues()
    {
        var id = Flow.Id("delay-duration");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("wait", "Delay", new { duration = "PT30M" })
            .Activity("after", "SetVariable", new { variable = "waited", value = true }).Activity("end", "End")
            .Connect("start", "wait").Connect("wait", "after").Connect("after", "end").Build());
        var started = await app.StartAsync(id);

        await ExpectDueAtAsync(started, app.Clock.GetUtcNow() + TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task A_delay_until_a_moment_worked_out_in_javascript_continues_at_that_moment()
    {
        var id = Flow.Id("delay-until");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("wait", "Delay", new { until = new { type = "js", value = "new Date(Date.parse(deliveryAt) + 15 * 60 * 1000)" } })
            .Activity("after", "SetVariable", new { variable = "waited", value = true }).Activity("end", "End")
            .Connect("start", "wait").Connect("wait", "after").Connect("after", "end").Build());
        var deliveryAt = app.Clock.GetUtcNow() + TimeSpan.FromHours(3);
        var started = await app.StartAsync(id, new { deliveryAt = deliveryAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) });

        await ExpectDueAtAsync(started, deliveryAt + TimeSpan.FromMinutes(15));
    }

    /// <summary>
    /// The instance waits on one delay timer due at the moment; a minute before it Quartz holds the trigger and the
    /// instance still waits; at the moment it continues.
    /// </summary>
    private async Task ExpectDueAtAsync(JsonElement started, DateTimeOffset due)
    {
        var instanceId = started.InstanceId();
        Assert.Equal("suspended", started.GetProperty("status").GetString());
        var timer = Assert.Single((await app.InstanceAsync(instanceId)).GetProperty("timers").EnumerateArray());
        Assert.Equal("delay", timer.GetProperty("kind").GetString());
        Assert.Equal(due, timer.GetProperty("dueAt").GetDateTimeOffset());
        var timerId = timer.GetProperty("id").GetGuid();

        app.AdvanceTo(due - TimeSpan.FromMinutes(1));
        await WorkflowProbes.UntilAsync(async () => await app.QuartzTriggerCountAsync([timerId]) == 1, "the sweep to give the delay its trigger");
        await Task.Delay(WorkflowProbes.QuietPeriod);
        var early = await app.InstanceAsync(instanceId);
        Assert.Equal("suspended", early.Status());
        Assert.DoesNotContain(early.Journal(), j => j.Activity == "wait" && j.Event == "resumed");
        Assert.Single(early.GetProperty("bookmarks").EnumerateArray());

        app.AdvanceTo(due);
        var detail = await app.EventuallyAsync(instanceId, d => d.Status() == "finished", "the delay to end at its due time");
        Assert.True(detail.GetProperty("variables").GetProperty("waited").GetBoolean());
        Assert.Contains(("wait", "resumed", "Done"), detail.Journal());
        Assert.Empty(detail.GetProperty("timers").EnumerateArray());
        // The instance finishes inside the Quartz job; Quartz deletes the spent trigger only after the job returns.
        await WorkflowProbes.UntilAsync(async () => await app.QuartzTriggerCountAsync([timerId]) == 0, "Quartz to drop the spent trigger");
    }
}
