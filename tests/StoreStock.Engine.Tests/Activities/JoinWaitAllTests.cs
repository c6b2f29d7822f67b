using System.Net;

namespace StoreStock.Engine.Tests.Activities;

public sealed class JoinWaitAllTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task The_join_goes_on_only_after_both_branches_cards_are_completed()
    {
        var id = Flow.Id("join-all");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("ship", "UserTask", new { title = "发货出库", assigneeRole = "clerk" })
            .Activity("approve", "UserTask", new { title = "审批调拨", assignee = app.ManagerA })
            .Activity("join", "Join", new { mode = "all" })
            .Activity("after", "SetVariable", new { variable = "joined", value = new { type = "js", value = "(typeof joined === 'number' ? joined : 0) + 1" } })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "ship", "Branch1").Connect("fork", "approve", "Branch2")
            .Connect("ship", "join").Connect("approve", "join").Connect("join", "after").Connect("after", "end")
            .Build());
        var started = await app.StartAsync(id);
        var cards = await app.InstanceAsync(started.InstanceId());

        var (first, firstStep) = await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/tasks/{cards.Card("ship").Id()}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal("suspended", firstStep.GetProperty("status").GetString());
        var halfway = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("suspended", halfway.Status());
        Assert.Equal(0, halfway.Runs("after"));
        Assert.Equal(0, halfway.Runs("join"));
        Assert.Equal("open", halfway.Card("approve").CardStatus());
        Assert.Equal("approve", Assert.Single(halfway.Bookmarks()).GetProperty("activityId").GetString());

        var (second, secondStep) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{cards.Card("approve").Id()}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal("finished", secondStep.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(1, detail.Runs("join"));
        Assert.Equal(1, detail.Runs("after"));
        Assert.Equal(1, detail.Variables().GetProperty("joined").GetInt32());
    }
}
