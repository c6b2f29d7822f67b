namespace StoreStock.Bench.Ledger;

/// <summary>What the tills saw: acknowledged (201) receipts with their lines and latencies, and everything else as errors.</summary>
public sealed class LoadResult
{
    private const int MaxErrorSamples = 5;
    private readonly Latencies _latencies = new();
    private readonly List<string> _errorSamples = [];

    public TimeSpan Elapsed { get; private set; }

    public long Receipts => _latencies.Count;

    public long Lines { get; private set; }

    public long Units { get; private set; }

    public long Errors { get; private set; }

    public IReadOnlyList<string> ErrorSamples => _errorSamples;

    public double ReceiptsPerSecond => Receipts / Elapsed.TotalSeconds;

    public double LinesPerSecond => Lines / Elapsed.TotalSeconds;

    public void Acknowledge(int lines, long units, TimeSpan latency)
    {
        _latencies.Add(latency);
        Lines += lines;
        Units += units;
    }

    public void Fail(string reason)
    {
        Errors++;
        if (_errorSamples.Count < MaxErrorSamples)
        {
            _errorSamples.Add(reason);
        }
    }

    /// <summary>The latency that <paramref name="fraction"/> of acknowledged receipts did not exceed (nearest rank).</summary>
    public TimeSpan Percentile(double fraction) => _latencies.Percentile(fraction);

    public static LoadResult Combine(IEnumerable<LoadResult> parts, TimeSpan elapsed)
    {
        var total = new LoadResult { Elapsed = elapsed };
        foreach (var part in parts)
        {
            total._latencies.AddRange(part._latencies);
            total.Lines += part.Lines;
            total.Units += part.Units;
            total.Errors += part.Errors;
            total._errorSamples.AddRange(part._errorSamples.Take(MaxErrorSamples - total._errorSamples.Count));
        }

        return total;
    }
}
