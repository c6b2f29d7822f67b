using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests.Crash;

/// <summary>
/// Kills the host with SIGKILL while 200 instances are between their timers, starts a new host on the same
/// database, and checks that every instance finished with every activity run exactly once and nothing left behind.
/// </summary>
public sealed class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Instances = 200;

    private static readonly Dictionary<string, string> FastTimers = new()
    {
        ["Engine:TimerSweepInterval"] = "00:00:00.500",
        ["Engine:QuartzIdleWait"] = "00:00:01",
    };

    [Fact]
    public async Task Every_instance_finishes_once_after_the_host_is_killed_mid_flight()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("crash");
        await using var db = NpgsqlDataSource.Create(connectionString);
        var org = new TestOrg(db);
        var store = await org.StoreAsync(await org.RegionAsync());
        var manager = await org.UserAsync(Role.StoreManager, storeId: store.Id);
        var hq = await org.UserAsync(Role.HqAdmin);
        var definitionId = Flow.Id("crash");

        await using (var first = await HostProcess.StartAsync(connectionString, FastTimers))
        {
            using var client = await first.SignInAsync(hq);
            await PublishAsync(client, Definition(definitionId, manager));
            await Parallel.ForEachAsync(Enumerable.Range(1, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
            {
                using var response = await client.PostAsJsonAsync(new Uri("/api/workflows/instances", UriKind.Relative),
                    new { definitionId, storeId = store.Id, correlation = $"crash-{n}", input = new { n } }, ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            });

            // Kill once the first timers are firing and before the last instance is through.
            await WaitUntilAsync(db, "select count(*) from wf_outbox where kind = 'notify'", count => count >= 20, "the first delays to fire");
            await first.KillAsync();
        }

        var finishedAtCrash = await CountAsync(db, "select count(*) from wf_instance where status = 'finished'");
        var timersAtCrash = await CountAsync(db, "select count(*) from wf_timer");
        output.WriteLine($"at the kill: {finishedAtCrash} finished, {timersAtCrash} timers pending");
        Assert.True(finishedAtCrash < Instances && timersAtCrash > 0, "the kill came after every instance had finished; it proves nothing");

        await using (var second = await HostProcess.StartAsync(connectionString, FastTimers))
        {
            await WaitUntilAsync(db, "select count(*) from wf_instance where status = 'finished'", count => count == Instances, "every instance to finish after the restart",
                TimeSpan.FromSeconds(150));
            await WaitUntilAsync(db, "select count(*) from qrtz_triggers where trigger_group = 'workflow-timers'", count => count == 0, "the timer triggers to be gone");
        }

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "select count(*) from (select 1 from wf_journal group by instance_id, activity_id, event having count(*) > 1) repeated"));
        Assert.Equal(Instances, await connection.ExecuteScalarAsync<long>(
            "select count(distinct instance_id) from wf_journal where activity_id = 'end' and event = 'executed'"));
        Assert.Equal(Instances, await connection.ExecuteScalarAsync<long>("select count(*) from wf_outbox where kind = 'notify'"));
        Assert.Equal(Instances, await connection.ExecuteScalarAsync<long>("select count(distinct instance_id) from wf_outbox where kind = 'notify'"));
        Assert.Equal(Instances, await connection.ExecuteScalarAsync<long>(
            "select count(*) from wf_instance where (variables ->> 'checked')::int = (variables ->> 'n')::int * 2"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from wf_bookmark"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from wf_timer"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from wf_incident"));
    }

    /// <summary>Two timers per instance with work between them whose effects (outbox, variables) must happen once.</summary>
    private static object Definition(string definitionId, string manager) => new Flow(definitionId).Start()
        .Activity("mark", "SetVariable", new { variable = "stage", value = "已登记" })
        .Activity("wait1", "Delay", new { duration = "PT2S" })
        .Activity("notify", "Notify", new { users = new[] { manager }, title = "报损单 {{n}} 待复核" })
        .Activity("check", "Script", new { code = "setVariable('checked', n * 2)" })
        .Activity("wait2", "Delay", new { duration = "PT1S" })
        .Activity("end", "End")
        .Connect("start", "mark").Connect("mark", "wait1").Connect("wait1", "notify").Connect("notify", "check")
        .Connect("check", "wait2").Connect("wait2", "end")
        .Build("崩溃恢复");


    private static async Task PublishAsync(HttpClient client, object definition)
    {
        var id = System.Text.Json.JsonSerializer.SerializeToElement(definition).GetProperty("definitionId").GetString()!;
        var (saved, draft) = await client.PutAsync($"/api/workflows/definitions/{id}", definition);
        Assert.True(saved == HttpStatusCode.OK, draft.ToString());
        var (published, body) = await client.PostAsync($"/api/workflows/definitions/{id}/publish");
        Assert.True(published == HttpStatusCode.OK, body.ToString());
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task WaitUntilAsync(NpgsqlDataSource db, string countSql, Func<long, bool> done, string what, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        long count;
        do
        {
            count = await CountAsync(db, countSql);
            if (done(count))
            {
                return;
            }

            await Task.Delay(50);
        }
        while (waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)));

        Assert.Fail($"Timed out waiting for {what}; count is {count}.");
    }
}
