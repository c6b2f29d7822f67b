using System.Net;

namespace StoreStock.Engine.Tests.Runtime;

public sealed class FaultAndRetryTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly string[] Branches = ["approve", "receive", "check"];

    [Fact]
    public async Task A_failing_activity_faults_the_instance_keeps_nothing_it_wrote_and_a_retry_after_the_cause_is_fixed_finishes_it()
    {
        var id = Flow.Id("retry");
        const string check = "setVariable('checkedAt', '开始核对'); if (!approval) { throw new Error('缺少审批'); } setVariable('checked', approval.outcome);";
        await app.PublishAsync(new Flow(id).Variable("approval", "object").Start()
            .Activity("fork", "Fork")
            .Activity("approve", "UserTask", new { title = "审批报损", assignee = app.ManagerA, resultVariable = "approval" })
            .Activity("check", "Script", new { code = check })
            .Activity("join", "Join", new { mode = "all" })
            .Activity("after", "SetVariable", new { variable = "done", value = true })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "approve", "Branch1").Connect("fork", "check", "Branch2")
            .Connect("approve", "join").Connect("check", "join").Connect("join", "after").Connect("after", "end")
            .Build());

        var started = await app.StartAsync(id);

        Assert.Equal("faulted", started.GetProperty("status").GetString());
        Assert.Contains("缺少审批", Assert.Single(started.GetProperty("incidents").EnumerateArray()).GetString(), StringComparison.Ordinal);
        var faulted = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("faulted", faulted.Status());
        var incident = Assert.Single(faulted.Incidents());
        Assert.Equal("check", incident.GetProperty("activityId").GetString());
        Assert.Contains("缺少审批", incident.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(("check", "faulted"), faulted.Events());
        Assert.Equal(0, faulted.Runs("check"));
        Assert.False(faulted.HasVariable("checkedAt"));
        Assert.Equal("open", faulted.Card("approve").CardStatus());

        var (stillBroken, again) = await (await app.HqAsync()).PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");
        Assert.Equal(HttpStatusCode.OK, stillBroken);
        Assert.Equal("faulted", again.GetProperty("status").GetString());

        var (completed, step) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{faulted.Card("approve").Id()}/complete", new { outcome = "Done" });
        Assert.Equal(HttpStatusCode.OK, completed);
        Assert.Equal("faulted", step.GetProperty("status").GetString());
        var waitingForRetry = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("faulted", waitingForRetry.Status());
        Assert.Equal(0, waitingForRetry.Runs("after"));

        var (retried, finished) = await (await app.HqAsync()).PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");

        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("finished", finished.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("finished", detail.Status());
        Assert.Equal(1, detail.Runs("check"));
        Assert.Equal(1, detail.Runs("join"));
        Assert.Equal(1, detail.Runs("after"));
        Assert.Equal("Done", detail.Variables().GetProperty("checked").GetString());
        Assert.Equal("开始核对", detail.Variables().GetProperty("checkedAt").GetString());
        Assert.Equal(2, detail.Incidents().Count);
        Assert.All(detail.Incidents(), i => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, i.GetProperty("resolvedAt").ValueKind));
        Assert.Empty(detail.Bookmarks());
    }

    [Fact]
    public async Task Only_a_faulted_instance_can_be_retried()
    {
        var id = Flow.Id("retry-409");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("approve", "UserTask", new { title = "审批", assignee = app.ManagerA })
            .Activity("end", "End")
            .Connect("start", "approve").Connect("approve", "end")
            .Build());
        var started = await app.StartAsync(id);
        var hq = await app.HqAsync();

        var (waiting, _) = await hq.PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");
        await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{started.GetProperty("newTasks")[0].Id()}/complete", new { outcome = "Done" });
        var (finished, _) = await hq.PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");

        Assert.Equal(HttpStatusCode.Conflict, waiting);
        Assert.Equal(HttpStatusCode.Conflict, finished);
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("finished", detail.Status());
        Assert.Equal(1, detail.Runs("end"));
    }

    [Fact]
    public async Task When_a_second_branch_faults_before_the_retry_the_retry_runs_both_failed_activities()
    {
        var id = Flow.Id("retry-two");
        await app.PublishAsync(new Flow(id).Variable("approval", "object").Variable("receipt", "object").Start()
            .Activity("fork", "Fork", new { branches = Branches })
            .Activity("approve", "UserTask", new { title = "审批调拨", assignee = app.ManagerA, resultVariable = "approval" })
            .Activity("receive", "UserTask", new { title = "收货确认", assigneeRole = "clerk", resultVariable = "receipt" })
            .Activity("checkApproval", "Script", new { code = "if (!approval) { throw new Error('缺少审批'); }" })
            .Activity("checkReceipt", "Script", new { code = "if (!receipt) { throw new Error('缺少收货'); }" })
            .Activity("join", "Join", new { mode = "all" })
            .Activity("after", "SetVariable", new { variable = "done", value = true })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "approve", "approve").Connect("fork", "receive", "receive").Connect("fork", "checkApproval", "check")
            .Connect("approve", "checkReceipt").Connect("checkReceipt", "join").Connect("receive", "join").Connect("checkApproval", "join")
            .Connect("join", "after").Connect("after", "end")
            .Build());
        var started = await app.StartAsync(id);
        var cards = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("faulted", cards.Status());

        var (_, secondFault) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{cards.Card("approve").Id()}/complete", new { outcome = "Done" });
        Assert.Equal("faulted", secondFault.GetProperty("status").GetString());
        await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/tasks/{cards.Card("receive").Id()}/complete", new { outcome = "Done" });
        var (retried, step) = await (await app.HqAsync()).PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");

        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("finished", step.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(["checkApproval", "checkReceipt"], detail.Incidents().Select(i => i.GetProperty("activityId").GetString()).Order());
        Assert.Equal(1, detail.Runs("checkApproval"));
        Assert.Equal(1, detail.Runs("checkReceipt"));
        Assert.Equal(1, detail.Runs("after"));
        Assert.True(detail.Variables().GetProperty("done").GetBoolean());
    }
}
