using System.Net;

namespace StoreStock.Engine.Tests.Activities;

public sealed class JoinWaitAnyTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task The_first_branch_to_arrive_goes_on_and_the_other_branchs_card_bookmark_and_timers_are_withdrawn()
    {
        var id = Flow.Id("join-any");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("manager", "UserTask", new { title = "店长确认补货", assignee = app.ManagerA })
            .Activity("supervisor", "UserTask", new { title = "督导确认补货", assignee = app.Supervisor, deadline = new { remindAfter = "PT1H", escalateAfter = "PT4H" } })
            .Activity("join", "Join", new { mode = "any" })
            .Activity("after", "SetVariable", new { variable = "confirmations", value = new { type = "js", value = "(typeof confirmations === 'number' ? confirmations : 0) + 1" } })
            .Activity("order", "UserTask", new { title = "下补货单", assigneeRole = "clerk" })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "manager", "Branch1").Connect("fork", "supervisor", "Branch2")
            .Connect("manager", "join").Connect("supervisor", "join").Connect("join", "after").Connect("after", "order").Connect("order", "end")
            .Build());
        var started = await app.StartAsync(id);
        var before = await app.InstanceAsync(started.InstanceId());
        var supervisorCard = before.Card("supervisor").Id();
        var supervisorBookmark = Assert.Single(before.Bookmarks(), b => b.GetProperty("activityId").GetString() == "supervisor").Id();
        Assert.Equal(2, before.Timers().Count);

        var (ok, step) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{before.Card("manager").Id()}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("suspended", step.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("cancelled", detail.Card("supervisor").CardStatus());
        Assert.Equal("order", Assert.Single(detail.Bookmarks()).GetProperty("activityId").GetString());
        Assert.Empty(detail.Timers());
        Assert.Contains(("supervisor", "cancelled"), detail.Journal());
        Assert.Equal(1, detail.Runs("after"));
        Assert.Equal(1, detail.Variables().GetProperty("confirmations").GetInt32());
        await using (var connection = await app.Db.OpenConnectionAsync())
        {
            Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                "select (select count(*) from wf_bookmark where id = @b) + (select count(*) from wf_timer where bookmark_id = @b)", new { b = supervisorBookmark }));
        }

        var (late, refusal) = await (await app.ClientAsync(app.Supervisor)).PostAsync($"/api/tasks/{supervisorCard}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Equal("cancelled", refusal.GetProperty("status").GetString());
        var after = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(1, after.Runs("after"));
        Assert.Equal(1, after.Runs("join"));
        Assert.Single(after.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("activityId").GetString() == "order");
    }
}
