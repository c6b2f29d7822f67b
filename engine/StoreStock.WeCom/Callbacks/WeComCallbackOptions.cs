namespace StoreStock.WeCom.Callbacks;

/// <summary>Section <c>WeCom:Callback</c>: limits of the callback endpoint and the pace of its processor.</summary>
public sealed class WeComCallbackOptions
{
    public const string Section = "Callback";

    /// <summary>WeCom's envelopes are a few kilobytes; anything far larger is not from WeCom.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How far an event's time (and the query's timestamp) may be from now.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the processor looks for events a wake-up did not reach (stored before a restart, or by another node).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts at updating a card after a click before the failure is only logged.</summary>
    public int CardUpdateAttempts { get; set; } = 3;

    /// <summary>The wait before the second card update attempt; doubled for each further one.</summary>
    public TimeSpan CardUpdateBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>An event whose processing threw this many times is marked failed and left for a person to look at.</summary>
    public int MaxProcessingAttempts { get; set; } = 5;
}
