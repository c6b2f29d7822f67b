using System.Net;

namespace StoreStock.Engine.Tests.Activities;

public sealed class EndTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Reaching_an_End_finishes_the_instance_and_withdraws_the_cards_other_branches_wait_on()
    {
        var id = Flow.Id("end");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("withdraw", "UserTask", new { title = "撤回申请？", assignee = app.ManagerA })
            .Activity("count", "UserTask", new { title = "清点冷柜", assigneeRole = "clerk", deadline = new { remindAfter = "PT2H", escalateAfter = "PT8H" } })
            .Activity("stop", "End")
            .Activity("counted", "SetVariable", new { variable = "counted", value = true })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "withdraw", "Branch1").Connect("fork", "count", "Branch2")
            .Connect("withdraw", "stop").Connect("count", "counted").Connect("counted", "end")
            .Build());
        var started = await app.StartAsync(id);
        var before = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(2, before.Bookmarks().Count);
        Assert.Equal(2, before.Timers().Count);

        var manager = await app.ClientAsync(app.ManagerA);
        var (ok, done) = await manager.PostAsync($"/api/tasks/{before.Card("withdraw").Id()}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("finished", done.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("finished", detail.Status());
        Assert.Equal("cancelled", detail.Card("count").CardStatus());
        Assert.Empty(detail.Bookmarks());
        Assert.Empty(detail.Timers());
        Assert.Equal(0, detail.Runs("counted"));
        var clerk = await app.ClientAsync(app.ClerkA);
        var (late, _) = await clerk.PostAsync($"/api/tasks/{detail.Card("count").Id()}/complete", new { outcome = "Done" });
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.False(detail.HasVariable("counted"));
    }

    [Fact]
    public async Task An_End_reached_while_another_branch_is_faulted_finishes_the_instance_and_leaves_nothing_to_retry()
    {
        var id = Flow.Id("end-faulted");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("withdraw", "UserTask", new { title = "撤回申请？", assignee = app.ManagerA })
            .Activity("check", "Script", new { code = "throw new Error('库存服务不可用');" })
            .Activity("stop", "End")
            .Activity("checked", "SetVariable", new { variable = "checked", value = true })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "withdraw", "Branch1").Connect("fork", "check", "Branch2")
            .Connect("withdraw", "stop").Connect("check", "checked").Connect("checked", "end")
            .Build());
        var started = await app.StartAsync(id);
        Assert.Equal("faulted", started.GetProperty("status").GetString());

        var (ok, done) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{started.GetProperty("newTasks")[0].Id()}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("finished", done.GetProperty("status").GetString());
        var (retry, _) = await (await app.HqAsync()).PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");
        Assert.Equal(HttpStatusCode.Conflict, retry);
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("finished", detail.Status());
        Assert.Equal(0, detail.Runs("check"));
        Assert.Equal(0, detail.Runs("checked"));
        Assert.All(detail.Incidents(), i => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, i.GetProperty("resolvedAt").ValueKind));
    }
}
