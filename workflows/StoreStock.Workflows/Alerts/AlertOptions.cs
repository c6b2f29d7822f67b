namespace StoreStock.Workflows.Alerts;

/// <summary>The <c>Alerts</c> configuration section.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>How often the scheduled check runs.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An open alert nobody acknowledged is notified again after this long.</summary>
    public TimeSpan RenotifyAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A newly opened low-stock alert asks <see cref="ILowStockReplenishment"/> to start replenishing its store.</summary>
    public bool StartReplenishmentOnLowStock { get; set; }
}
