namespace StoreStock.WeComSimulator.State;

/// <summary>What the API does instead of answering, set through /wecom-sim/control/outage.</summary>
public enum OutageMode
{
    None,

    /// <summary>HTTP 503, or with Abort the connection is dropped without an answer.</summary>
    Unreachable,

    /// <summary>errcode -1, system busy.</summary>
    Busy,

    /// <summary>errcode 45009, API frequency limit.</summary>
    RateLimit,
}

/// <summary>The current outage: a mode, whether unreachable aborts the connection, and how many calls it still affects (null = until cleared).</summary>
public sealed record Outage(OutageMode Mode, bool Abort = false, int? RemainingCalls = null)
{
    public static readonly Outage None = new(OutageMode.None);
}
