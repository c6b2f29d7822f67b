using Microsoft.Extensions.Options;
using StoreStock.WeCom;

namespace StoreStock.WeComSimulator.State;

/// <summary>
/// Everything the simulator remembers, in memory, behind one lock: tokens, used task ids (forever), response codes,
/// the delivery filters, each member's phone, the callbacks it posted, the counters and the current outage. Time is
/// the host's <see cref="TimeProvider"/>, so tests move it.
/// </summary>
public sealed class SimulatorState(TimeProvider time, IOptions<WeComOptions> options)
{
    private readonly Lock _gate = new();

    public WeComOptions App { get; } = options.Value;

    public DateTimeOffset Now => time.GetUtcNow();

    public TokenBook Tokens { get; } = new();

    public ResponseCodes ResponseCodes { get; } = new();

    public DeliveryLimits Limits { get; } = new();

    public Phones Phones { get; } = new();

    /// <summary>Every task_id ever sent (WeCom keeps them unique per app forever) with the type of the card it was sent on.</summary>
    public Dictionary<string, string> Cards { get; } = new(StringComparer.Ordinal);

    public CallbackLog Callbacks { get; } = new();

    public SimulatorStats Stats { get; private set; } = new();

    public Outage Outage { get; set; } = Outage.None;

    public T Locked<T>(Func<SimulatorState, T> action)
    {
        lock (_gate)
        {
            return action(this);
        }
    }

    public void Locked(Action<SimulatorState> action)
    {
        lock (_gate)
        {
            action(this);
        }
    }

    /// <summary>The outage mode for one call, counting it down when it is limited to a number of calls (invalidtoken spares gettoken).</summary>
    public Outage TakeOutage(bool gettoken) => Locked(s =>
    {
        var outage = s.Outage;
        if (outage.Mode == OutageMode.None || (gettoken && outage.Mode == OutageMode.InvalidToken))
        {
            return Outage.None;
        }

        if (outage.RemainingCalls is { } remaining)
        {
            s.Outage = remaining <= 1 ? Outage.None : outage with { RemainingCalls = remaining - 1 };
        }

        s.Stats.OutageRefusals++;
        return outage;
    });

    /// <summary>Forgets everything: tokens, task ids, codes, phones, callbacks, counters; the outage is cleared.</summary>
    public void Reset() => Locked(s =>
    {
        s.Tokens.InvalidateAll();
        s.ResponseCodes.Clear();
        s.Limits.Clear();
        s.Phones.Clear();
        s.Cards.Clear();
        s.Callbacks.Clear();
        s.Stats = new SimulatorStats();
        s.Outage = Outage.None;
    });
}
