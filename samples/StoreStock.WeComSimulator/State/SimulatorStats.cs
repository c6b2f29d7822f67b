namespace StoreStock.WeComSimulator.State;

/// <summary>Counters since start or the last reset. Mutated only under the state's lock.</summary>
public sealed class SimulatorStats
{
    public long GettokenCalls { get; set; }

    public long TokensIssued { get; set; }

    public long SendCalls { get; set; }

    public long SendsAccepted { get; set; }

    /// <summary>Person-times: a message to three members that all received it counts three.</summary>
    public long Delivered { get; set; }

    public long DuplicatesSuppressed { get; set; }

    /// <summary>Person-times accepted but dropped over the 30/min or 1000/h member limit.</summary>
    public long DroppedOverRateLimit { get; set; }

    public long UpdateCalls { get; set; }

    public long UpdatesApplied { get; set; }

    /// <summary>Calls answered with an errcode other than 0 (outages not included).</summary>
    public long Errors { get; set; }

    public long OutageRefusals { get; set; }

    public long Clicks { get; set; }

    public SimulatorStats Snapshot() => (SimulatorStats)MemberwiseClone();
}
