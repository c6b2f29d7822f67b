using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests.Timers;

/// <summary>
/// The deadline policy of a card, driven by the test clock through the sweep and real Quartz triggers. Each test
/// works from its own card's creation time, so it holds however far earlier tests moved the shared clock.
/// </summary>
public sealed class DeadlineTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task A_store_managers_card_is_reminded_then_escalated_to_the_stores_regional_supervisor_then_expires_by_timeout()
    {
        var (instanceId, taskId, createdAt) = await StartReviewAsync("reassign");

        app.AdvanceTo(createdAt + TimeSpan.FromHours(2));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(taskId).HistoryEvents().Contains("reminded"), "the reminder after 2 h");
        var card = detail.Card(taskId);
        Assert.Equal([app.ManagerA], card.Assignees());
        Assert.Equal(0, card.EscalationLevel());
        Assert.Equal([app.ManagerA], await app.RecipientsAsync(instanceId, "remind"));
        Assert.Empty(await app.RecipientsAsync(instanceId, "escalate"));

        app.AdvanceTo(createdAt + TimeSpan.FromHours(24));
        detail = await app.EventuallyAsync(instanceId, d => d.Card(taskId).EscalationLevel() > 0, "the escalation after 24 h");
        card = detail.Card(taskId);
        Assert.Equal([app.Supervisor], card.Assignees());
        Assert.Equal(1, card.EscalationLevel());
        Assert.Equal(Role.RegionalSupervisor, card.GetProperty("assigneeRole").GetString());
        Assert.Equal("open", card.CardStatus());
        Assert.Equal([app.Supervisor], await app.RecipientsAsync(instanceId, "escalate"));
        Assert.Contains(taskId, await app.MyTaskIdsAsync(app.Supervisor));
        Assert.DoesNotContain(taskId, await app.MyTaskIdsAsync(app.ManagerA));
        Assert.DoesNotContain(taskId, await app.MyTaskIdsAsync(app.SupervisorOfC));

        app.AdvanceTo(createdAt + TimeSpan.FromHours(48));
        detail = await app.EventuallyAsync(instanceId, d => d.Status() == "finished", "the expiry after 48 h");
        card = detail.Card(taskId);
        Assert.Equal("expired", card.CardStatus());
        Assert.Equal(["created", "reminded", "escalated", "expired"], card.HistoryEvents());
        Assert.Contains(("review", "resumed", "Timeout"), detail.Journal());
        Assert.Contains(detail.Journal(), j => j is ("late", "executed", _));
        Assert.DoesNotContain(detail.Journal(), j => j is ("done", _, _));
        Assert.Equal("Timeout", detail.GetProperty("variables").GetProperty("review").GetProperty("outcome").GetString());
        Assert.Empty(detail.GetProperty("timers").EnumerateArray());
        Assert.DoesNotContain(taskId, await app.MyTaskIdsAsync(app.Supervisor));
    }

    [Fact]
    public async Task Escalating_in_add_mode_keeps_the_store_manager_and_adds_the_supervisor()
    {
        var (instanceId, taskId, createdAt) = await StartReviewAsync("add");

        app.AdvanceTo(createdAt + TimeSpan.FromHours(24));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(taskId).EscalationLevel() > 0, "the escalation after 24 h");
        var card = detail.Card(taskId);
        Assert.Equal([app.ManagerA, app.Supervisor], card.Assignees());
        Assert.Equal([app.Supervisor], await app.RecipientsAsync(instanceId, "escalate"));
        Assert.Contains(taskId, await app.MyTaskIdsAsync(app.ManagerA));
        Assert.Contains(taskId, await app.MyTaskIdsAsync(app.Supervisor));

        var (status, body) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", payload = new { comment = "已处理" } });
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        Assert.Equal("finished", body.GetProperty("status").GetString());
        Assert.Contains(("review", "resumed", "Done"), (await app.InstanceAsync(instanceId)).Journal());
    }

    /// <summary>A review card for the store manager of store A: remind after 2 h, escalate after 24 h, expire after 48 h.</summary>
    private async Task<(Guid InstanceId, Guid TaskId, DateTimeOffset CreatedAt)> StartReviewAsync(string escalationMode)
    {
        var id = Flow.Id("deadline");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("review", "UserTask", new
            {
                title = "复核报损单 {{docNo}}",
                assigneeRole = Role.StoreManager,
                deadline = new { remindAfter = "PT2H", escalateAfter = "PT24H", expireAfter = "PT48H", escalationMode },
                resultVariable = "review",
            })
            .Activity("done", "End").Activity("late", "SetVariable", new { variable = "late", value = true }).Activity("end", "End")
            .Connect("start", "review").Connect("review", "done").Connect("review", "late", "Timeout").Connect("late", "end")
            .Build());
        var started = await app.StartAsync(id, new { docNo = "BS-0001" });
        var taskId = started.NewTaskId();
        var card = (await app.InstanceAsync(started.InstanceId())).Card(taskId);
        Assert.Equal([app.ManagerA], card.Assignees());
        return (started.InstanceId(), taskId, card.GetProperty("createdAt").GetDateTimeOffset());
    }
}
