using System.Diagnostics;
using System.Globalization;

namespace StoreStock.Bench;

/// <summary>
/// CPU time used by this process (host and load clients) and by the PostgreSQL server (postmaster and its children).
/// On a shared machine CPU per operation is steadier than throughput, which depends on what else runs. Linux only; elsewhere
/// the server's share reads as zero.
/// </summary>
public sealed record CpuTime(TimeSpan Bench, TimeSpan Server)
{
    // USER_HZ, the unit of /proc/*/stat times, is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static CpuTime Read(int postmasterPid)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime, OfServer(postmasterPid));
    }

    public CpuTime Since(CpuTime before) => new(Bench - before.Bench, Server - before.Server);

    /// <summary>The postmaster's own and reaped children's time, plus the time of the children still running.</summary>
    private static TimeSpan OfServer(int postmasterPid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var statFile in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            var fields = StatFields(statFile);
            if (fields is null)
            {
                continue;
            }

            // After the command name: [0] state, [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime.
            var pid = int.Parse(Path.GetFileName(Path.GetDirectoryName(statFile))!, CultureInfo.InvariantCulture);
            if (pid == postmasterPid)
            {
                ticks += Ticks(fields, 11) + Ticks(fields, 12) + Ticks(fields, 13) + Ticks(fields, 14);
            }
            else if (Ticks(fields, 1) == postmasterPid)
            {
                ticks += Ticks(fields, 11) + Ticks(fields, 12);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static string[]? StatFields(string statFile)
    {
        if (!char.IsAsciiDigit(Path.GetFileName(Path.GetDirectoryName(statFile))![0]))
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText(statFile);
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
