namespace StoreStock.Bench.Engine;

/// <summary>What the clients saw: instances taken to the end, the latency of every start and completion, and the failures.</summary>
public sealed class LoadResult
{
    private const int MaxErrorSamples = 5;
    private readonly List<string> _errorSamples = [];

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Instances started and approved to the end, every answer as expected.</summary>
    public long Instances { get; private set; }

    /// <summary>Of <see cref="Instances"/>, those above the threshold (two cards).</summary>
    public long AboveThreshold { get; private set; }

    /// <summary>Starts answered 200, whether or not the instance then made it to the end.</summary>
    public long Started { get; private set; }

    public Latencies Starts { get; } = new();

    /// <summary>Completion request → response carrying the next card or the finished status.</summary>
    public Latencies Resumes { get; } = new();

    public long Errors { get; private set; }

    public IReadOnlyList<string> ErrorSamples => _errorSamples;

    public double InstancesPerSecond => Instances / Elapsed.TotalSeconds;

    public void StartAnswered() => Started++;

    public void Finished(bool aboveThreshold)
    {
        Instances++;
        AboveThreshold += aboveThreshold ? 1 : 0;
    }

    public void Fail(string reason)
    {
        Errors++;
        if (_errorSamples.Count < MaxErrorSamples)
        {
            _errorSamples.Add(reason);
        }
    }

    public static LoadResult Combine(IEnumerable<LoadResult> parts, TimeSpan elapsed)
    {
        var total = new LoadResult { Elapsed = elapsed };
        foreach (var part in parts)
        {
            total.Instances += part.Instances;
            total.AboveThreshold += part.AboveThreshold;
            total.Started += part.Started;
            total.Starts.AddRange(part.Starts);
            total.Resumes.AddRange(part.Resumes);
            total.Errors += part.Errors;
            total._errorSamples.AddRange(part._errorSamples.Take(MaxErrorSamples - total._errorSamples.Count));
        }

        return total;
    }
}
