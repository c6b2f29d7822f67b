using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using StoreStock.Database;
using StoreStock.Host.Startup;
using StoreStock.Inventory.Alerts;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Purchasing;
using StoreStock.Inventory.Replenishment;
using StoreStock.Workflows.Alerts;
using static StoreStock.Bench.Alerts.Timing;
using static StoreStock.Bench.BenchOutput;

namespace StoreStock.Bench.Alerts;

/// <summary>
/// One full stock alert check over a chain of 100 stores × 10,000 products with 30 days of sales, against a bare
/// sequential scan of the stock table on the same server. The last line is the ratio: check ÷ scan (goal ≤ 3).
/// </summary>
public static class AlertBenchmark
{
    private const string BareScan = "select count(*), sum(on_hand) from stock_level";

    public static async Task<int> Main(string[] args)
    {
        var options = AlertBenchOptions.Parse(args);
        using var stop = CtrlC.StopsRun();
        DapperSetup.Configure();

        await using var cluster = await BenchCluster.StartAsync(stop.Token);
        Print("cluster", await cluster.DescribeAsync());
        // No command timeout: loading and the first check (which opens every alert) take longer than the default 30 s.
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("storestock", stop.Token) + ";Command Timeout=0");
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(SchemaModules.All(), stop.Token);

        var now = TimeProvider.System.GetUtcNow();
        var today = StoreStock.Inventory.Shared.BusinessDay.Of(now);
        var (loaded, loadTime) = await TimeAsync(() => ChainData.LoadAsync(db, options, today, stop.Token));
        Print("chain", $"{options.Stores} stores × {options.Products} products, {options.Days} days of sales and part of today");
        Print("rows", $"{loaded.StockRows} stock_level, {loaded.SalesRows} sales_daily (loaded with COPY in {Ms(loadTime)})");

        var scans = await BareScansAsync(db, options.Runs, stop.Token);
        var scan = Median(scans);
        Print("bare scan", $"{Ms(scan)} median of {options.Runs} ({BareScan}; index and bitmap scans off, parallel workers as configured)");

        var (_, rebuild) = await TimeAsync(() => new InventoryDatabase(db).InTransactionAsync(
            (connection, transaction) => SalesSummary.RefreshAsync(connection, transaction, now, stop.Token), stop.Token));
        Print("sales summary rebuild", $"{Ms(rebuild)} (once per business day, from sales_daily)");

        var run = new AlertRun(new InventoryDatabase(db), TimeProvider.System, Options.Create(new AlertOptions()), new NothingToReplenish(), NullLogger<AlertRun>.Instance);
        var (first, firstTime) = await TimeAsync(() => run.RunAsync(stop.Token));
        Print("alert check first", $"{Ms(firstTime)}: opened {first.Opened}, notified {first.Notified} (every alert is new)");
        await VacuumAlertsAsync(db);

        var checks = new List<TimeSpan>();
        AlertRunResult last = first;
        using var statements = new StatementTimes();
        for (var i = 1; i <= options.Runs; i++)
        {
            await ChurnAsync(db, i, stop.Token);
            checks.Add(await statements.RecordAsync(async () => last = await run.RunAsync(stop.Token)));
        }

        var check = Median(checks);
        Print("alert check", $"{Ms(check)} median of {options.Runs}, each after 1% of the stock rows moved: the periodic check, which looks at "
            + $"the pairs whose stock moved since the last one and whose policy changed "
            + $"(last: opened {last.Opened}, refreshed {last.Refreshed}, resolved {last.Resolved}, notified {last.Notified})");
        Print("alert check statements", "median of each, as the client saw it:");
        foreach (var line in statements.Medians())
        {
            Console.WriteLine(line);
        }

        // The first check of a business day (the summary rebuilt) looks at every row; forced here by forgetting the last check.
        await ChurnAsync(db, options.Runs + 1, stop.Token);
        await ForgetLastCheckAsync(db);
        var (everyRow, everyRowTime) = await TimeAsync(() => run.RunAsync(stop.Token));
        Print("alert check, every row", $"{Ms(everyRowTime)} (the first check of each business day; opened {everyRow.Opened}, refreshed {everyRow.Refreshed}, "
            + $"resolved {everyRow.Resolved}); ÷ bare scan = {Fixed(everyRowTime / scan, 2)}");
        Print("alerts open", await OpenAlertsAsync(db));

        if (Environment.GetEnvironmentVariable("ALERT_BENCH_EXPLAIN") is "1")
        {
            await ChurnAsync(db, options.Runs + 2, stop.Token);
            await ExplainAsync(db);
        }

        // One replenishment run over all stores: every suggestion in one statement, every draft order in one more.
        var (drafted, replenishment) = await TimeAsync(() => new InventoryDatabase(db).InTransactionAsync(async (connection, transaction) =>
        {
            var lines = await new ReplenishmentPlanner(TimeProvider.System).SuggestAsync(connection, transaction, null, today, stop.Token);
            var orders = await new PurchaseOrderDrafts(TimeProvider.System).WriteAsync(connection, transaction, lines, today, "bench", null, "bench", stop.Token);
            return (Lines: lines.Count, Orders: orders.Count);
        }, stop.Token));
        Print("replenishment run", $"{Ms(replenishment)} over {options.Stores} stores: {drafted.Lines} lines suggested, {drafted.Orders} draft purchase orders (goal < 10 s)");

        Print("ratio", Fixed(check / scan, 2));
        return 0;
    }

    private static async Task<List<TimeSpan>> BareScansAsync(NpgsqlDataSource db, int runs, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("set enable_indexscan = off; set enable_indexonlyscan = off; set enable_bitmapscan = off");
        var times = new List<TimeSpan>();
        for (var i = -2; i < runs; i++)
        {
            var (_, elapsed) = await TimeAsync(() => connection.QuerySingleAsync<(long, decimal)>(new CommandDefinition(BareScan, cancellationToken: ct)));
            if (i >= 0)
            {
                times.Add(elapsed);
            }
        }

        return times;
    }

    /// <summary>What autovacuum does soon after the first check wrote every alert: statistics, and the dead index entries gone.</summary>
    private static async Task VacuumAlertsAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("vacuum analyze stock_alert");
    }

    /// <summary>Between checks, as sales and receipts would: one stock row in a hundred moves by one unit.</summary>
    private static async Task ChurnAsync(NpgsqlDataSource db, int round, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            with moved as (
                update stock_level set on_hand = on_hand + case when @round % 2 = 0 then 1 else -1 end, updated_at = @now
                where (location_id * 7 + product_id + @round) % 100 = 0
                returning location_id, product_id)
            -- What the ledger's insert of the moves would queue for the alert check.
            insert into alert_moved (location_id, product_id) select location_id, product_id from moved
            """,
            new { round, now = TimeProvider.System.GetUtcNow() }, cancellationToken: ct));
    }

    private static async Task ForgetLastCheckAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("delete from alert_check_state");
    }

    /// <summary>
    /// With ALERT_BENCH_EXPLAIN=1, after stock moved: the plans with actual times of each statement of a periodic check, in
    /// its order, then of the check of every row; in a transaction rolled back.
    /// </summary>
    private static async Task ExplainAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = TimeProvider.System.GetUtcNow();
        var parameters = new { AlertCheck.LockKey, now, noSaleDays = AlertKind.NoSaleDays, notifiedBefore = now.AddDays(-1), recheckUpTo = 0L, opened = Array.Empty<long>() };
        await connection.ExecuteAsync(AlertSql.Prepare, parameters, transaction);
        foreach (var sql in new[] { SalesSummary.BuiltForToday, AlertSql.LastCheck, AlertCheckSql.Check(everything: false), AlertSql.RecordCheck, AlertSql.MarkDue, AlertCheckSql.Check(everything: true) })
        {
            var (plan, elapsed) = await TimeAsync(() => connection.QueryAsync<string>("explain (analyze, buffers) " + sql, parameters, transaction));
            Console.WriteLine($"-- {Ms(elapsed)} with explain: {sql.Split('\n')[0].Trim()}");
            foreach (var line in plan)
            {
                Console.WriteLine(line);
            }
        }

        await transaction.RollbackAsync();
    }

    private static async Task<string> OpenAlertsAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var kinds = await connection.QueryAsync<(string Kind, long Count)>("select kind, count(*) from stock_alert where status = 'open' group by kind order by kind");
        return string.Join(", ", kinds.Select(k => $"{k.Kind} {k.Count}"));
    }
}

/// <summary>The benchmark measures the check alone: low-stock alerts start nothing.</summary>
internal sealed class NothingToReplenish : ILowStockReplenishment
{
    public Task StartAsync(LowStockAlert alert, CancellationToken cancellationToken) => Task.CompletedTask;
}
