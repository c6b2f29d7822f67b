using System.Collections.Concurrent;
using System.Diagnostics;
using StoreStock.Inventory.Alerts;

namespace StoreStock.Bench.Alerts;

/// <summary>
/// The commands Npgsql runs while recording, each with its duration as the client saw it (Npgsql's own tracing), so a
/// check's time splits into its statements; what is left of the check's time is the begin, the commit and the client.
/// </summary>
public sealed class StatementTimes : IDisposable
{
    private static readonly Dictionary<string, string> Names = new()
    {
        [AlertSql.Prepare] = "lock, work_mem, no JIT",
        [SalesSummary.BuiltForToday] = "sales summary built for today?",
        [AlertSql.LastCheck] = "last check, policy changes queued",
        [AlertCheckSql.Check(everything: false)] = "check of the moved pairs",
        [AlertSql.RecordCheck] = "record the check",
        [AlertSql.MarkDue] = "mark due alerts notified",
    };

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Sql, TimeSpan Elapsed)> _recorded = new();
    private readonly List<List<(string Sql, TimeSpan Elapsed)>> _runs = [];
    private volatile bool _recording;

    public StatementTimes()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (_recording)
                {
                    _recorded.Enqueue((activity.GetTagItem("db.query.text") as string ?? activity.DisplayName, activity.Duration));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Records the commands of one run of <paramref name="work"/> and returns its wall time.</summary>
    public async Task<TimeSpan> RecordAsync(Func<Task> work)
    {
        _recorded.Clear();
        _recording = true;
        var watch = Stopwatch.StartNew();
        await work();
        var elapsed = watch.Elapsed;
        _recording = false;
        var run = _recorded.ToList();
        run.Add(("(begin, commit, client)", elapsed - run.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed)));
        _runs.Add(run);
        return elapsed;
    }

    /// <summary>Per statement, in the order the runs made them: its median over the recorded runs.</summary>
    public IEnumerable<string> Medians() =>
        _runs[0].Select((statement, i) =>
        {
            var times = _runs.Where(r => r.Count == _runs[0].Count).Select(r => r[i].Elapsed).ToList();
            return $"{Timing.Ms(Timing.Median(times)),12}  {Name(statement.Sql)}";
        });

    private static string Name(string sql)
    {
        if (Names.TryGetValue(sql, out var name))
        {
            return name;
        }

        var flat = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 70 ? flat[..70] + "…" : flat;
    }

    public void Dispose() => _listener.Dispose();
}
