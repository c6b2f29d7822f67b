namespace StoreStock.Engine.Tests.Definitions;

/// <summary>Flowchart shapes that cannot run as drawn are refused before publishing, each problem at its activity.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class GraphValidationTests(EngineApp app)
{
    [Fact]
    public async Task An_unknown_activity_type_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("unknown-type")).Start()
            .Activity("beam", "Teleport").Activity("end", "End")
            .Connect("start", "beam").Connect("beam", "end").Build());

        Assert.Contains("Teleport", problems.ProblemAt("unknown_type", "beam").MessageEn(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flowchart_without_a_start_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("no-start"))
            .Activity("count", "UserTask", new { title = "盘点冷柜", assigneeRole = "clerk" }).Activity("end", "End")
            .Connect("count", "end").Build());

        Assert.Single(problems);
        problems.ProblemAt("no_start", null);
    }

    [Fact]
    public async Task An_outcome_that_leads_nowhere_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("unconnected")).Start()
            .Activity("big", "Decision", new { condition = "amount > 500" }).Activity("end", "End")
            .Connect("start", "big").Connect("big", "end", "True").Build());

        Assert.Single(problems);
        Assert.Contains("\"False\"", problems.ProblemAt("outcome_not_connected", "big").MessageEn(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_from_a_port_the_activity_lacks_or_to_a_missing_activity_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("bad-connection")).Start()
            .Activity("approve", "UserTask", new { title = "审批", assigneeRole = "store_manager" }).Activity("end", "End")
            .Connect("start", "approve").Connect("approve", "end", "Approve").Connect("approve", "archive")
            .Build());

        Assert.Equal(2, problems.Count);
        Assert.Contains("\"Approve\"", problems.ProblemAt("unknown_outcome", "approve").MessageEn(), StringComparison.Ordinal);
        problems.ProblemAt("unknown_activity", "archive");
    }

    [Fact]
    public async Task An_activity_that_cannot_be_reached_from_start_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("unreachable")).Start()
            .Activity("end", "End").Activity("orphan", "SetVariable", new { variable = "note", value = "没人会走到这里" })
            .Connect("start", "end").Connect("orphan", "end").Build());

        Assert.Single(problems);
        problems.ProblemAt("unreachable", "orphan");
    }

    [Fact]
    public async Task A_wait_all_join_fed_by_both_sides_of_one_decision_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("join-never")).Start()
            .Activity("big", "Decision", new { condition = "amount > 500" })
            .Activity("mark", "SetVariable", new { variable = "needsRegion", value = true })
            .Activity("join", "Join").Activity("end", "End")
            .Connect("start", "big").Connect("big", "mark", "True").Connect("mark", "join").Connect("big", "join", "False").Connect("join", "end")
            .Build());

        Assert.Single(problems);
        Assert.Contains("big", problems.ProblemAt("join_never_completes", "join").MessageEn(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_all_join_after_a_fork_and_a_wait_any_join_after_a_decision_are_accepted()
    {
        var afterFork = new Flow(Flow.Id("join-fork")).Start()
            .Activity("fork", "Fork").Activity("ship", "UserTask", new { title = "出库", assigneeRole = "clerk" })
            .Activity("join", "Join").Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "ship", "Branch1").Connect("ship", "join").Connect("fork", "join", "Branch2").Connect("join", "end")
            .Build();
        var anyAfterDecision = new Flow(Flow.Id("join-any")).Start()
            .Activity("big", "Decision", new { condition = "amount > 500" })
            .Activity("mark", "SetVariable", new { variable = "needsRegion", value = true })
            .Activity("join", "Join", new { mode = "any" }).Activity("end", "End")
            .Connect("start", "big").Connect("big", "mark", "True").Connect("mark", "join").Connect("big", "join", "False").Connect("join", "end")
            .Build();

        Assert.Empty(await app.ValidateAsync(afterFork));
        Assert.Empty(await app.ValidateAsync(anyAfterDecision));
    }

    [Fact]
    public async Task A_loop_without_a_waiting_activity_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("busy-loop")).Start()
            .Activity("bump", "SetVariable", new { variable = "n", value = new { type = "js", value = "n + 1" } })
            .Activity("again", "Decision", new { condition = "n < 1000000" }).Activity("end", "End")
            .Connect("start", "bump").Connect("bump", "again").Connect("again", "bump", "True").Connect("again", "end", "False")
            .Build());

        var problem = Assert.Single(problems);
        Assert.Equal("cycle_without_wait", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("activityId").GetString() is "bump" or "again", problem.ToString());
        Assert.Contains("bump", problem.MessageEn(), StringComparison.Ordinal);
        Assert.Contains("again", problem.MessageEn(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loop_through_a_user_task_is_accepted_and_goes_round()
    {
        var id = Flow.Id("recount-loop");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("count", "UserTask", new
            {
                title = "盘点冷柜",
                assigneeRole = "clerk",
                form = new object[] { new { name = "counted", type = "number", required = true } },
                resultVariable = "count",
            })
            .Activity("again", "Decision", new { condition = "count.payload.counted < 0" }).Activity("end", "End")
            .Connect("start", "count").Connect("count", "again").Connect("again", "count", "True").Connect("again", "end", "False")
            .Build());

        var clerk = await app.ClientAsync(app.ClerkA);
        var first = (await app.StartAsync(id)).GetProperty("newTasks")[0].GetProperty("id").GetGuid();
        var (_, recount) = await clerk.PostAsync($"/api/tasks/{first}/complete", new { outcome = "Done", payload = new { counted = -1 } });
        Assert.Equal("suspended", recount.GetProperty("status").GetString());
        var second = Assert.Single(recount.GetProperty("newTasks").EnumerateArray()).GetProperty("id").GetGuid();
        Assert.NotEqual(first, second);

        var (_, done) = await clerk.PostAsync($"/api/tasks/{second}/complete", new { outcome = "Done", payload = new { counted = 12 } });
        Assert.Equal("finished", done.GetProperty("status").GetString());
    }
}
