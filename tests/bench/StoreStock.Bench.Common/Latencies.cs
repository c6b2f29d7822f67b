namespace StoreStock.Bench;

/// <summary>Request latencies of a run, and the percentiles read from them.</summary>
public sealed class Latencies
{
    private readonly List<TimeSpan> _samples = [];

    public int Count => _samples.Count;

    public void Add(TimeSpan latency) => _samples.Add(latency);

    public void AddRange(Latencies other) => _samples.AddRange(other._samples);

    /// <summary>The latency that <paramref name="fraction"/> of the requests did not exceed (nearest rank); zero when there are none.</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (_samples.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = _samples.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>p50, p95 and p99 in milliseconds, for a diagnostic line.</summary>
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"p50 {Percentile(0.50).TotalMilliseconds:F1} ms, p95 {Percentile(0.95).TotalMilliseconds:F1} ms, p99 {Percentile(0.99).TotalMilliseconds:F1} ms ({Count} requests)");
}
