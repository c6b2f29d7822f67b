using System.Diagnostics;

namespace StoreStock.Bench.Alerts;

/// <summary>Wall-clock timing of awaited work.</summary>
public static class Timing
{
    public static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (result, watch.Elapsed);
    }

    public static TimeSpan Median(IReadOnlyList<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    public static string Ms(TimeSpan time) => BenchOutput.Fixed(time.TotalMilliseconds) + " ms";
}
