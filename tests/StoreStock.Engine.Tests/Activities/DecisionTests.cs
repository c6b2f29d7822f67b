namespace StoreStock.Engine.Tests.Activities;

public sealed class DecisionTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Theory]
    [InlineData(800, "报损", true)]
    [InlineData(800, "临期", false)]
    [InlineData(300, "报损", false)]
    public async Task The_condition_over_the_input_chooses_the_True_or_the_False_path(int amount, string reason, bool needsApproval)
    {
        var id = Flow.Id("decision");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("check", "Decision", new { condition = "amount > 500 && reason === '报损'" })
            .Activity("approval", "SetVariable", new { variable = "route", value = "区域审批" })
            .Activity("direct", "SetVariable", new { variable = "route", value = "店长直批" })
            .Activity("end", "End")
            .Connect("start", "check").Connect("check", "approval", "True").Connect("check", "direct", "False")
            .Connect("approval", "end").Connect("direct", "end")
            .Build());

        var started = await app.StartAsync(id, new { amount, reason });

        Assert.Equal("finished", started.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(needsApproval ? "区域审批" : "店长直批", detail.Variables().GetProperty("route").GetString());
        Assert.Equal(needsApproval ? 1 : 0, detail.Runs("approval"));
        Assert.Equal(needsApproval ? 0 : 1, detail.Runs("direct"));
        var decided = Assert.Single(detail.GetProperty("journal").EnumerateArray(), j => j.GetProperty("activityId").GetString() == "check");
        Assert.Equal(needsApproval ? "True" : "False", decided.GetProperty("outcome").GetString());
    }
}
