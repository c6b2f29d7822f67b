using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StoreStock.Bench.Ledger;

/// <summary>
/// PostgreSQL's own pgbench against the same server: the yardstick for what this disk and CPU commit per second.
/// It is only a client (TCP to 127.0.0.1), so it runs as whoever we are.
/// </summary>
public static partial class PgBench
{
    public static Task InitializeAsync(BenchCluster cluster, string database, CancellationToken cancellationToken) =>
        RunAsync(cluster, ["-i", "-s", "10", "-q", database], cancellationToken);

    public static async Task<double> SimpleUpdateTpsAsync(BenchCluster cluster, string database, int clients, int seconds, CancellationToken cancellationToken)
    {
        var output = await RunAsync(
            cluster,
            ["-b", "simple-update", "-c", Str(clients), "-j", "2", "-T", Str(seconds), "-n", database],
            cancellationToken);
        var tps = TpsLine().Match(output);
        return tps.Success
            ? double.Parse(tps.Groups["tps"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no tps line:\n{output}");
    }

    private static async Task<string> RunAsync(BenchCluster cluster, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(cluster.BinDirectory, "pgbench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", Str(cluster.Port), "-U", "storestock", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pgbench.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbench failed ({process.ExitCode}):\n{output}");
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^tps = (?<tps>[0-9.]+)", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TpsLine();
}
