namespace StoreStock.WeCom.Client;

/// <summary>Configuration section <c>WeCom:Client</c>: how long to wait for WeCom and how to back off when it is busy.</summary>
public sealed class WeComClientOptions
{
    public const string Section = "Client";

    /// <summary>WeCom says retry -1 at most 3 times; 45009/45033 get the same budget.</summary>
    public const int MaxRetries = 3;

    /// <summary>The first back-off; each further retry waits twice as long as the one before.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One HTTP call's limit; beyond it WeCom counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
