using System.Net;
using System.Text.Json;
using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests.Tasks;

/// <summary>
/// A write-off approval: the store manager always, the regional supervisor only above 500. Outcomes Approved,
/// Rejected and (with an expiry) Timeout; the result variable keeps the outcome, every decision and the last comment.
/// </summary>
public sealed class ApprovalChainTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task An_amount_of_300_needs_only_the_store_manager()
    {
        var started = await StartAsync(300);
        var card = await CardAsync(started.InstanceId(), started.NewTaskId());
        Assert.Equal([app.ManagerA], card.Assignees());
        Assert.Equal("店长审批报损 300 元", card.GetProperty("title").GetString());
        Assert.Equal(["Approve", "Reject"], card.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));

        var done = await DecideAsync(app.ManagerA, started.NewTaskId(), "Approve", "同意");
        Assert.Equal("finished", done.GetProperty("status").GetString());
        Assert.Empty(done.GetProperty("newTasks").EnumerateArray());

        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Contains(("approval", "resumed", "Approved"), detail.Journal());
        Assert.Single(detail.Cards("approval"));
        var result = detail.GetProperty("variables").GetProperty("approval");
        Assert.Equal("Approved", result.GetProperty("outcome").GetString());
        var decision = Assert.Single(result.GetProperty("decisions").EnumerateArray());
        Assert.Equal("Approve", decision.GetProperty("outcome").GetString());
        Assert.Equal($"user:{app.ManagerA}", decision.GetProperty("by").GetString());
    }

    [Fact]
    public async Task An_amount_of_800_goes_to_the_store_manager_then_the_regional_supervisor()
    {
        var started = await StartAsync(800);
        var second = await DecideAsync(app.ManagerA, started.NewTaskId(), "Approve", "店长同意");
        Assert.Equal("suspended", second.GetProperty("status").GetString());
        var supervisorCard = await CardAsync(started.InstanceId(), second.NewTaskId());
        Assert.Equal([app.Supervisor], supervisorCard.Assignees());
        Assert.Equal("报损审批 800 元", supervisorCard.GetProperty("title").GetString());
        Assert.Contains(second.NewTaskId(), await app.MyTaskIdsAsync(app.Supervisor));

        var done = await DecideAsync(app.Supervisor, second.NewTaskId(), "Approve", "督导同意");
        Assert.Equal("finished", done.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(2, detail.Cards("approval").Count);
        Assert.Single(detail.Journal(), j => j is ("approval", "resumed", "Approved"));
        var result = detail.GetProperty("variables").GetProperty("approval");
        Assert.Equal("Approved", result.GetProperty("outcome").GetString());
        Assert.Equal(["店长同意", "督导同意"], result.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("comment").GetString()));
        Assert.Equal([0, 1], result.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("level").GetInt32()));
        Assert.Equal("督导同意", result.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task A_reject_at_the_first_level_ends_the_chain_rejected_with_the_comment_and_no_second_card()
    {
        var started = await StartAsync(800);
        var done = await DecideAsync(app.ManagerA, started.NewTaskId(), "Reject", "照片看不清，请重拍");
        Assert.Equal("finished", done.GetProperty("status").GetString());
        Assert.Empty(done.GetProperty("newTasks").EnumerateArray());

        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Contains(("approval", "resumed", "Rejected"), detail.Journal());
        Assert.Contains(detail.Journal(), j => j is ("rejected", "executed", _));
        Assert.Single(detail.Cards("approval"));
        Assert.DoesNotContain(await app.RecipientsAsync(started.InstanceId(), "task"), r => r == app.Supervisor);
        var result = detail.GetProperty("variables").GetProperty("approval");
        Assert.Equal("Rejected", result.GetProperty("outcome").GetString());
        Assert.Equal("照片看不清，请重拍", result.GetProperty("comment").GetString());
        Assert.Equal("Reject", Assert.Single(result.GetProperty("decisions").EnumerateArray()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_levels_card_escalates_on_its_deadline_like_a_user_task_and_the_chain_times_out_at_expiry()
    {
        var started = await StartAsync(800, new { escalateAfter = "PT24H", expireAfter = "PT48H" });
        var instanceId = started.InstanceId();
        var first = started.NewTaskId();
        var createdAt = (await CardAsync(instanceId, first)).GetProperty("createdAt").GetDateTimeOffset();

        app.AdvanceTo(createdAt + TimeSpan.FromHours(24));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(first).EscalationLevel() > 0, "the first level's escalation after 24 h");
        Assert.Equal([app.Supervisor], detail.Card(first).Assignees());
        Assert.Equal([app.Supervisor], await app.RecipientsAsync(instanceId, "escalate"));
        Assert.DoesNotContain(first, await app.MyTaskIdsAsync(app.ManagerA));

        var second = (await DecideAsync(app.Supervisor, first, "Approve", "店长未处理，督导代批")).NewTaskId();
        var secondCreatedAt = (await CardAsync(instanceId, second)).GetProperty("createdAt").GetDateTimeOffset();
        app.AdvanceTo(secondCreatedAt + TimeSpan.FromHours(24));
        detail = await app.EventuallyAsync(instanceId, d => d.Card(second).EscalationLevel() > 0, "the second level's escalation to HQ");
        Assert.Equal([app.Hq], detail.Card(second).Assignees());
        Assert.Equal(Role.HqAdmin, detail.Card(second).GetProperty("assigneeRole").GetString());

        app.AdvanceTo(secondCreatedAt + TimeSpan.FromHours(48));
        detail = await app.EventuallyAsync(instanceId, d => d.Status() == "finished", "the second level's expiry");
        Assert.Equal("expired", detail.Card(second).CardStatus());
        Assert.Contains(("approval", "resumed", "Timeout"), detail.Journal());
        var result = detail.GetProperty("variables").GetProperty("approval");
        Assert.Equal("Timeout", result.GetProperty("outcome").GetString());
        Assert.Equal($"user:{app.Supervisor}", Assert.Single(result.GetProperty("decisions").EnumerateArray()).GetProperty("by").GetString());
    }

    /// <summary>Publishes a chain (with an optional deadline policy) and starts it in store A for the amount.</summary>
    private async Task<JsonElement> StartAsync(int amount, object? deadline = null)
    {
        var id = Flow.Id("approval");
        var flow = new Flow(id).Start()
            .Activity("approval", "ApprovalChain", new
            {
                title = "报损审批 {{amount}} 元",
                body = "{{reason}}",
                levels = new object[]
                {
                    new { role = Role.StoreManager, title = "店长审批报损 {{amount}} 元" },
                    new { role = Role.RegionalSupervisor, condition = "amount > 500" },
                },
                deadline,
                resultVariable = "approval",
            })
            .Activity("approved", "End").Activity("rejected", "End")
            .Connect("start", "approval").Connect("approval", "approved", "Approved").Connect("approval", "rejected", "Rejected");
        if (deadline is not null)
        {
            flow.Activity("timedOut", "End").Connect("approval", "timedOut", "Timeout");
        }

        await app.PublishAsync(flow.Variable("amount", "number").Build());
        return await app.StartAsync(id, new { amount, reason = "冷柜故障，酸奶变质" });
    }

    private async Task<JsonElement> CardAsync(Guid instanceId, Guid taskId) => (await app.InstanceAsync(instanceId)).Card(taskId);

    private async Task<JsonElement> DecideAsync(string username, Guid taskId, string outcome, string comment)
    {
        var (status, body) = await (await app.ClientAsync(username)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome, payload = new { comment } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
