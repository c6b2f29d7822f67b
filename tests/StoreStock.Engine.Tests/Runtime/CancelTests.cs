using System.Net;
using Dapper;

namespace StoreStock.Engine.Tests.Runtime;

public sealed class CancelTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Cancelling_a_waiting_instance_withdraws_its_cards_bookmarks_and_timers_and_cannot_be_repeated()
    {
        var id = Flow.Id("cancel");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("fork", "Fork")
            .Activity("count", "UserTask", new { title = "盘点货架", assigneeRole = "clerk", deadline = new { remindAfter = "PT2H", escalateAfter = "PT6H" } })
            .Activity("wait", "Delay", new { duration = "P1D" })
            .Activity("join", "Join", new { mode = "all" })
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "count", "Branch1").Connect("fork", "wait", "Branch2")
            .Connect("count", "join").Connect("wait", "join").Connect("join", "end")
            .Build());
        var started = await app.StartAsync(id);
        var before = await app.InstanceAsync(started.InstanceId());
        Assert.Equal(2, before.Bookmarks().Count);
        Assert.Equal(3, before.Timers().Count);
        var card = before.Card("count").Id();
        var hq = await app.HqAsync();

        var (cancelled, step) = await hq.PostAsync($"/api/workflows/instances/{started.InstanceId()}/cancel");

        Assert.Equal(HttpStatusCode.OK, cancelled);
        Assert.Equal("cancelled", step.GetProperty("status").GetString());
        var detail = await app.InstanceAsync(started.InstanceId());
        Assert.Equal("cancelled", detail.Status());
        Assert.Equal("cancelled", detail.Card("count").CardStatus());
        Assert.Empty(detail.Bookmarks());
        Assert.Empty(detail.Timers());
        Assert.Contains(detail.Events(), j => j.Event == "cancelled");
        await using (var connection = await app.Db.OpenConnectionAsync())
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(
                "select (select count(*) from wf_bookmark where instance_id = @id) + (select count(*) from wf_timer where instance_id = @id) " +
                "+ (select count(*) from wf_task where instance_id = @id and status = 'open')", new { id = started.InstanceId() }));
        }

        var clerk = await app.ClientAsync(app.ClerkA);
        var (_, mine) = await clerk.GetJsonAsync("/api/tasks/mine");
        Assert.DoesNotContain(mine.EnumerateArray(), t => t.Id() == card);

        var (twice, problem) = await hq.PostAsync($"/api/workflows/instances/{started.InstanceId()}/cancel");
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Contains("cancelled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (late, refusal) = await clerk.PostAsync($"/api/tasks/{card}/complete", new { outcome = "Done" });
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Equal("cancelled", refusal.GetProperty("status").GetString());
        Assert.Equal("cancelled", (await app.InstanceAsync(started.InstanceId())).Status());
    }
}
