using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests.Crash;

/// <summary>Two host processes on one database: either node resumes any instance, and a card raced on both completes once.</summary>
public sealed class TwoNodeTests
{
    private const int Instances = 40;

    [Fact]
    public async Task The_same_card_completed_on_two_nodes_at_once_resumes_its_instance_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("two_nodes");
        await using var db = NpgsqlDataSource.Create(connectionString);
        var org = new TestOrg(db);
        var store = await org.StoreAsync(await org.RegionAsync());
        var manager = await org.UserAsync(Role.StoreManager, storeId: store.Id);
        var hq = await org.UserAsync(Role.HqAdmin);
        var definitionId = Flow.Id("two-nodes");
        var settings = new Dictionary<string, string> { ["Engine:TimerSweepInterval"] = "00:00:00.500", ["Engine:QuartzIdleWait"] = "00:00:01" };

        await using var nodeA = await HostProcess.StartAsync(connectionString, settings);
        await using var nodeB = await HostProcess.StartAsync(connectionString, settings);
        using var hqOnA = await nodeA.SignInAsync(hq);
        using var managerOnA = await nodeA.SignInAsync(manager);
        using var managerOnB = await nodeB.SignInAsync(manager);
        var (saved, _) = await hqOnA.PutAsync($"/api/workflows/definitions/{definitionId}", new Flow(definitionId).Start()
            .Activity("approve", "UserTask", new { title = "店长确认 {{n}}", assigneeRole = "store_manager" })
            .Activity("cool", "Delay", new { duration = "PT1S" })
            .Activity("end", "End")
            .Connect("start", "approve").Connect("approve", "cool").Connect("cool", "end")
            .Build("双节点"));
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Equal(HttpStatusCode.OK, (await hqOnA.PostAsync($"/api/workflows/definitions/{definitionId}/publish")).Status);

        var cards = new List<Guid>();
        for (var n = 1; n <= Instances; n++)
        {
            var (_, started) = await hqOnA.PostAsync("/api/workflows/instances", new { definitionId, storeId = store.Id, input = new { n } });
            cards.Add(started.GetProperty("newTasks")[0].GetProperty("id").GetGuid());
        }

        var answers = await Task.WhenAll(cards.Select(async card =>
        {
            var both = await Task.WhenAll(
                managerOnA.PostAsync($"/api/tasks/{card}/complete", new { outcome = "Done" }),
                managerOnB.PostAsync($"/api/tasks/{card}/complete", new { outcome = "Done" }));
            return both.Select(b => b.Status).Order().ToArray();
        }));

        Assert.All(answers, pair => Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], pair));
        await using var connection = await db.OpenConnectionAsync();
        var waited = Stopwatch.StartNew();
        while (await connection.ExecuteScalarAsync<long>("select count(*) from wf_instance where status = 'finished'") < Instances && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        Assert.Equal(Instances, await connection.ExecuteScalarAsync<long>("select count(*) from wf_instance where status = 'finished'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "select count(*) from (select 1 from wf_journal group by instance_id, activity_id, event having count(*) > 1) repeated"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from wf_timer"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(distinct instance_name) from qrtz_scheduler_state"));
    }
}
