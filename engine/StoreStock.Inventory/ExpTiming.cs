// EXPERIMENT ONLY - not to be committed
using System.Collections.Concurrent;
using System.Diagnostics;
namespace StoreStock.Inventory;
public static class ExpTiming
{
    private static readonly ConcurrentDictionary<string, long[]> Totals = new(StringComparer.Ordinal);
    public static long Start() => Stopwatch.GetTimestamp();
    public static void Add(string name, long started)
    {
        var t = Totals.GetOrAdd(name, _ => new long[2]);
        Interlocked.Add(ref t[0], Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref t[1]);
    }
    public static void Reset() => Totals.Clear();
    public static string Dump() => string.Join("\n", Totals.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {k.Key,-14} n={k.Value[1],7} total={Stopwatch.GetElapsedTime(0, k.Value[0]).TotalSeconds,7:F2}s avg={Stopwatch.GetElapsedTime(0, k.Value[0]).TotalMilliseconds / Math.Max(1, k.Value[1]),7:F2}ms")));
    public static int Loops => int.TryParse(Environment.GetEnvironmentVariable("EXP_LOOPS"), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 2;
}
