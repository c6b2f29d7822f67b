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

    /// <summary>Business calls answer 40014 whatever the token (gettoken still works): a token WeCom keeps rejecting.</summary>
    InvalidToken,

    /// <summary>HTTP 200 with an HTML page instead of JSON, as a proxy or captive portal answers.</summary>
    Html,

    /// <summary>No answer at all: the request is held (up to two minutes of real time) until the caller gives up.</summary>
    Timeout,

    /// <summary>The call is carried out (a message is delivered) but the connection drops before the answer: the caller cannot tell.</summary>
    LostReply,
}

/// <summary>The current outage: a mode, whether unreachable aborts the connection, and how many calls it still affects (null = until cleared).</summary>
public sealed record Outage(OutageMode Mode, bool Abort = false, int? RemainingCalls = null)
{
    public static readonly Outage None = new(OutageMode.None);
}
