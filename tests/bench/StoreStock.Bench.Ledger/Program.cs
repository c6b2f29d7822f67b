using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static StoreStock.Bench.BenchOutput;

namespace StoreStock.Bench.Ledger;

/// <summary>
/// Till receipts through the real HTTP API on a fresh durable PostgreSQL, then pgbench on the same server.
/// The last line compares the two: sale lines committed per second ÷ pgbench simple-update transactions per second.
/// </summary>
public static class LedgerBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        using var stop = CtrlC.StopsRun();

        await using var cluster = await BenchCluster.StartAsync(stop.Token);
        Print("cluster", await cluster.DescribeAsync());

        var (run, check) = await RunTillsAsync(cluster, options, stop.Token);
        if (!check.Ok)
        {
            Print("verified", "FAILED");
            return 1;
        }

        Print("verified", "ok");
        await cluster.CreateDatabaseAsync("pgbench", stop.Token);
        await PgBench.InitializeAsync(cluster, "pgbench", stop.Token);
        var cpuBefore = CpuTime.Read(cluster.ServerProcessId);
        var tps = await PgBench.SimpleUpdateTpsAsync(cluster, "pgbench", options.Clients, options.Seconds, stop.Token);
        var cpu = CpuTime.Read(cluster.ServerProcessId).Since(cpuBefore);
        Print("pgbench tps", tps.ToString("F1", CultureInfo.InvariantCulture));
        Print("pgbench cpu", $"{PerItem(cpu.Server, tps * options.Seconds)} ms PostgreSQL per transaction");
        Print("ratio", (run.LinesPerSecond / tps).ToString("F2", CultureInfo.InvariantCulture));
        return 0;
    }

    private static async Task<(LoadResult Run, LedgerCheck.Outcome Check)> RunTillsAsync(BenchCluster cluster, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var host = new BenchHost(await cluster.CreateDatabaseAsync("storestock", cancellationToken));
        var address = host.Start();
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();
        var chain = await Chain.SeedAsync(host.Services);
        Print("host", address);
        Print("chain", $"1 region, {chain.StoreCodes.Count} stores, {chain.Barcodes.Count} products, opening stock on every shop floor");

        using var http = TillClient(address, chain.ApiKey, options.Clients);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var warmup = await new TillLoad(chain, http, $"w{token}").RunAsync(options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
        Print("warm-up", $"{options.WarmupSeconds} s, {warmup.Receipts} receipts, {warmup.Errors} errors");

        var before = await DatabaseCounters.ReadAsync(db);
        var cpuBefore = CpuTime.Read(cluster.ServerProcessId);
        var run = await new TillLoad(chain, http, $"r{token}").RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
        var cpu = CpuTime.Read(cluster.ServerProcessId).Since(cpuBefore);
        var after = await DatabaseCounters.ReadAsync(db);

        Print("clients", options.Clients);
        Print("duration", $"{run.Elapsed.TotalSeconds:F1} s");
        Print("receipts", run.Receipts);
        Print("receipts/s", run.ReceiptsPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        Print("lines/s", run.LinesPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        Print("latency p50", $"{run.Percentile(0.50).TotalMilliseconds:F1} ms");
        Print("latency p99", $"{run.Percentile(0.99).TotalMilliseconds:F1} ms");
        Print("errors", run.Errors);
        foreach (var sample in run.ErrorSamples)
        {
            Print("error sample", sample);
        }

        var commits = await SaleCommits.CountAsync(db, $"r{token}-");
        Print("sale commits", $"{commits} ({run.Receipts / Math.Max(1.0, commits):F1} receipts per commit)");
        Print("wal", after.Since(before, run.Receipts, "receipt"));
        Print("cpu per receipt", $"{PerItem(cpu.Bench, run.Receipts)} ms host and tills, {PerItem(cpu.Server, run.Receipts)} ms PostgreSQL");
        Print("cpu per line", $"{PerItem(cpu.Server, run.Lines)} ms PostgreSQL");
        Print("cpu busy", $"{(cpu.Bench + cpu.Server) / run.Elapsed:F2} of {Environment.ProcessorCount} cores");

        var check = await LedgerCheck.RunAsync(db, warmup.Lines + run.Lines, warmup.Units + run.Units);
        Print("ledger", $"{check.LevelsOff} levels off their moves; {check.SaleMoves} sale moves for {check.ExpectedMoves} acknowledged lines; "
            + $"{check.SoldUnits} units sold for {check.ExpectedUnits} acknowledged");
        return (run, check);
    }

    private static HttpClient TillClient(Uri address, string apiKey, int clients)
    {
        var http = LoadClient.Create(address, clients);
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }
}
