using System.Net;

namespace StoreStock.Engine.Tests.Activities;

public sealed class JoinWaitAnyTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly string[] ReviewButtons = ["Approve", "Rework"];

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
        Assert.Contains(("supervisor", "cancelled"), detail.Events());
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

    [Fact]
    public async Task In_a_rework_loop_the_join_goes_on_again_in_every_round()
    {
        var id = Flow.Id("join-any-loop");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("manager", "UserTask", new { title = "店长确认补货", assignee = app.ManagerA })
            .Activity("supervisor", "UserTask", new { title = "督导确认补货", assignee = app.Supervisor })
            .Activity("join", "Join", new { mode = "any" })
            .Activity("review", "UserTask", new { title = "总部复核", assignee = app.Hq, buttons = ReviewButtons })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "manager", "Branch1").Connect("fork", "supervisor", "Branch2")
            .Connect("manager", "join").Connect("supervisor", "join").Connect("join", "review")
            .Connect("review", "end", "Approve").Connect("review", "fork", "Rework")
            .Build());
        var instance = (await app.StartAsync(id)).InstanceId();
        var manager = await app.ClientAsync(app.ManagerA);
        var supervisor = await app.ClientAsync(app.Supervisor);
        var hq = await app.HqAsync();

        await CompleteAsync(manager, (await app.InstanceAsync(instance)).OpenCard("manager"), "Done");
        await CompleteAsync(hq, (await app.InstanceAsync(instance)).OpenCard("review"), "Rework");
        var secondRound = await app.InstanceAsync(instance);
        await CompleteAsync(supervisor, secondRound.OpenCard("supervisor"), "Done");

        var detail = await app.InstanceAsync(instance);
        Assert.Equal("suspended", detail.Status());
        Assert.Equal(2, detail.Runs("join"));
        Assert.Equal(secondRound.OpenCard("manager").Id(), Assert.Single(detail.GetProperty("tasks").EnumerateArray(),
            t => t.GetProperty("activityId").GetString() == "manager" && t.CardStatus() == "cancelled").Id());
        await CompleteAsync(hq, detail.OpenCard("review"), "Approve");
        Assert.Equal("finished", (await app.InstanceAsync(instance)).Status());
        Assert.Equal(1, (await app.InstanceAsync(instance)).Runs("end"));
    }

    [Fact]
    public async Task A_faulted_branch_is_withdrawn_too_and_the_retry_does_not_run_it_again()
    {
        var id = Flow.Id("join-any-fault");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("manager", "UserTask", new { title = "店长确认", assignee = app.ManagerA })
            .Activity("auto", "Script", new { code = "throw new Error('自动审批服务不可用');" })
            .Activity("join", "Join", new { mode = "any" })
            .Activity("after", "SetVariable", new { variable = "confirmed", value = true })
            .Activity("order", "UserTask", new { title = "下补货单", assigneeRole = "clerk" })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "manager", "Branch1").Connect("fork", "auto", "Branch2")
            .Connect("manager", "join").Connect("auto", "join").Connect("join", "after").Connect("after", "order").Connect("order", "end")
            .Build());
        var started = await app.StartAsync(id);
        Assert.Equal("faulted", started.GetProperty("status").GetString());

        await CompleteAsync(await app.ClientAsync(app.ManagerA), (await app.InstanceAsync(started.InstanceId())).OpenCard("manager"), "Done");
        var (retried, step) = await (await app.HqAsync()).PostAsync($"/api/workflows/instances/{started.InstanceId()}/retry");

        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("suspended", step.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, Assert.Single(detail.Incidents()).GetProperty("resolvedAt").ValueKind);
        Assert.Equal(1, detail.Events().Count(j => j == ("auto", "faulted")));
        Assert.Equal(0, detail.Runs("auto"));
        Assert.Equal(1, detail.Runs("join"));
        Assert.Equal(1, detail.Runs("after"));
        Assert.Equal("order", Assert.Single(detail.Bookmarks()).GetProperty("activityId").GetString());
    }

    private static async Task CompleteAsync(HttpClient client, System.Text.Json.JsonElement card, string outcome)
    {
        var (status, body) = await client.PostAsync($"/api/tasks/{card.Id()}/complete", new { outcome });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }
}
