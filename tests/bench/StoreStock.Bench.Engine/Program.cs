using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static StoreStock.Bench.BenchOutput;

namespace StoreStock.Bench.Engine;

/// <summary>
/// Write-off approvals through the real HTTP API on a fresh durable PostgreSQL: each instance is started, and each of
/// its cards approved, by a separate request. Diagnostics first; the last two lines are instances finished per second
/// and the 95th percentile of the completion requests (each answer already carries the next card or the end).
/// </summary>
public static class EngineBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = EngineBenchOptions.Parse(args);
        using var stop = CtrlC.StopsRun();

        await using var cluster = await BenchCluster.StartAsync(stop.Token);
        Print("cluster", await cluster.DescribeAsync());
        await using var host = new BenchHost(await cluster.CreateDatabaseAsync("storestock", stop.Token));
        var address = host.Start();
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();
        var org = await ChainOrg.SeedAsync(host.Services, options.Stores);
        using var http = LoadClient.Create(address, options.Clients);
        var sessions = await Sessions.SignInAsync(http, org.Usernames, stop.Token);
        var version = await WriteOffDefinition.PublishAsync(http, sessions, org.HqAdmin, stop.Token);
        Print("host", address);
        Print("setup", $"{org.Regions} regions, {org.Stores.Count} stores (a clerk and a manager each, a supervisor per region), "
            + $"{sessions.Count} users signed in; definition {WriteOffDefinition.Id} v{version}: store manager (escalates after 24 h), "
            + $"regional supervisor when amount > {WriteOffDefinition.RegionalThreshold}");

        var load = new ApprovalLoad(org, sessions, http);
        var warmup = await load.RunAsync(options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds), stop.Token);
        Print("warm-up", $"{options.WarmupSeconds} s, {warmup.Instances} instances, {warmup.Errors} errors");

        var before = await DatabaseCounters.ReadAsync(db);
        var jitBefore = JitActivity.Read();
        var cpuBefore = CpuTime.Read(cluster.ServerProcessId);
        var run = await load.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), stop.Token);
        var cpu = CpuTime.Read(cluster.ServerProcessId).Since(cpuBefore);
        var jit = JitActivity.Read().Since(jitBefore);
        var after = await DatabaseCounters.ReadAsync(db);
        PrintRun(options, run, before, after, cpu);
        Print("jit during run", jit.Describe(run.Elapsed));

        var check = await ApprovalCheck.RunAsync(db, warmup.Started + run.Started, warmup.Instances + run.Instances, warmup.AboveThreshold + run.AboveThreshold);
        PrintCheck(check);
        if (!check.Ok || warmup.Errors + run.Errors > 0)
        {
            Print("verified", "FAILED");
            return 1;
        }

        Print("verified", "ok");
        Print("instances/s", Fixed(run.InstancesPerSecond));
        Print("p95 resume ms", Fixed(run.Resumes.Percentile(0.95).TotalMilliseconds));
        return 0;
    }

    private static void PrintRun(EngineBenchOptions options, LoadResult run, DatabaseCounters before, DatabaseCounters after, CpuTime cpu)
    {
        var requests = run.Starts.Count + run.Resumes.Count;
        Print("clients", options.Clients);
        Print("duration", $"{Fixed(run.Elapsed.TotalSeconds)} s");
        Print("instances", $"{run.Instances} finished ({run.AboveThreshold} above {WriteOffDefinition.RegionalThreshold}), {run.Started} started");
        Print("requests", $"{requests} ({Fixed(requests / run.Elapsed.TotalSeconds)}/s)");
        Print("start latency", run.Starts.Summary());
        Print("resume latency", run.Resumes.Summary());
        Print("errors", run.Errors);
        foreach (var sample in run.ErrorSamples)
        {
            Print("error sample", sample);
        }

        Print("transactions", after.CommitsSince(before, run.Instances, "instance"));
        Print("wal", after.Since(before, run.Instances, "instance"));
        Print("cpu per instance", $"{PerItem(cpu.Bench, run.Instances)} ms host and clients, {PerItem(cpu.Server, run.Instances)} ms PostgreSQL");
        Print("cpu per request", $"{PerItem(cpu.Bench, requests)} ms host and clients, {PerItem(cpu.Server, requests)} ms PostgreSQL");
        Print("cpu busy", $"{Fixed((cpu.Bench + cpu.Server) / run.Elapsed, 2)} of {Environment.ProcessorCount} cores");
    }

    private static void PrintCheck(ApprovalCheck.Outcome check)
    {
        Print("check instances", $"{check.Instances} stored for {check.ExpectedInstances} started; {check.Approved} finished Approved for {check.ExpectedApproved} approved by the clients");
        Print("check cards", $"{check.ManagerCards} store manager cards, {check.SupervisorCards} supervisor cards for {check.AboveThreshold} instances above "
            + $"{WriteOffDefinition.RegionalThreshold} ({check.ExpectedAboveThreshold} expected); {check.WrongCardCounts} instances with the wrong number of cards, "
            + $"{check.CardsNotApproved} cards not approved");
        Print("check waits", $"{check.Bookmarks} bookmarks, {check.Timers} timers, {check.Triggers} Quartz triggers left");
    }
}
