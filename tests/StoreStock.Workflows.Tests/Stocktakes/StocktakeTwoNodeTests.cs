using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Workflows.Tests.Stocktakes;

/// <summary>Two host processes on one database, on real time: a schedule's cron fires every few seconds, and each firing makes exactly one count.</summary>
public sealed class StocktakeTwoNodeTests
{
    private const int Firings = 4;

    [Fact]
    public async Task A_schedule_fires_once_per_firing_with_two_nodes_on_one_database()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("stocktake_two_nodes");
        await using var db = NpgsqlDataSource.Create(connectionString);
        var org = new TestOrg(db);
        var store = await org.StoreAsync(await org.RegionAsync());
        await org.UserAsync(Role.Clerk, storeId: store.Id);
        var hq = await org.UserAsync(Role.HqAdmin);
        await OpeningStockAsync(db, store.SellingLocationId, (await org.ProductAsync()).Id, 5);
        var settings = new Dictionary<string, string> { ["Engine:TimerSweepInterval"] = "00:00:00.500", ["Engine:QuartzIdleWait"] = "00:00:01" };

        await using var nodeA = await HostProcess.StartAsync(connectionString, settings);
        await using var nodeB = await HostProcess.StartAsync(connectionString, settings);
        using var hqOnA = await nodeA.SignInAsync(hq);
        using var hqOnB = await nodeB.SignInAsync(hq);
        var (created, schedule) = await hqOnA.PostAsync("/api/stocktake-schedules",
            new { storeCode = store.Code, name = "每三秒循环盘点", cron = "0/3 * * * * ?", scope = new { kind = "store" } });
        Assert.True(created == HttpStatusCode.Created, schedule.ToString());
        var scheduleId = schedule.GetProperty("id").GetInt32();

        await using var connection = await db.OpenConnectionAsync();
        var waited = Stopwatch.StartNew();
        while (await CountsAsync(connection, scheduleId) < Firings && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        var (disabled, _) = await hqOnB.PutAsync($"/api/stocktake-schedules/{scheduleId}", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, disabled);
        await Task.Delay(TimeSpan.FromSeconds(4));   // anything already firing finishes; nothing fires after the trigger is gone

        var firedFor = (await connection.QueryAsync<DateTime>(
            "select scheduled_for from stocktake where schedule_id = @scheduleId order by scheduled_for", new { scheduleId })).ToList();
        Assert.True(firedFor.Count >= Firings, $"only {firedFor.Count} firings");
        Assert.Equal(firedFor.Count, firedFor.Distinct().Count());
        Assert.All(firedFor, t => Assert.Equal(0, t.Second % 3));
        Assert.All(firedFor.Zip(firedFor.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(3), pair.Second - pair.First));
        Assert.Equal(firedFor.Count, await connection.ExecuteScalarAsync<long>(
            "select count(*) from wf_instance where definition_id = 'stocktake' and correlation = @correlation", new { correlation = $"stocktake-schedule:{scheduleId}" }));
        Assert.Equal(firedFor.Count, await connection.ExecuteScalarAsync<long>(
            "select count(*) from stocktake_line l join stocktake t on t.id = l.stocktake_id where t.schedule_id = @scheduleId", new { scheduleId }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(distinct instance_name) from qrtz_scheduler_state"));
        Assert.Equal(firedFor.Count, await CountsAsync(connection, scheduleId));
    }

    private static Task<long> CountsAsync(NpgsqlConnection connection, int scheduleId) =>
        connection.ExecuteScalarAsync<long>("select count(*) from stocktake where schedule_id = @scheduleId", new { scheduleId });

    private static async Task OpeningStockAsync(NpgsqlDataSource db, int locationId, int productId, decimal quantity)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new LedgerWriter(TimeProvider.System).ApplyAsync(connection, transaction,
            [new StockMove(locationId, productId, MoveKind.OpeningBalance, quantity, UnitCost: 3m)], "test:setup");
        await transaction.CommitAsync();
    }
}
