namespace StoreStock.WeComSimulator;

/// <summary>Configuration section <c>WeComSimulator</c>.</summary>
public sealed class WeComSimulatorOptions
{
    public const string Section = "WeComSimulator";

    /// <summary>Where a click's callback is posted; empty = this host's own address + /wecom/callback.</summary>
    public string? CallbackUrl { get; set; }
}
