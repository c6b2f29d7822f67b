namespace StoreStock.Workflows.Replenishment;

/// <summary>The <c>Workflows:Replenishment</c> configuration section.</summary>
public sealed class ReplenishmentOptions
{
    public const string DefinitionId = "replenishment";

    /// <summary>Start one replenishment per active store every day.</summary>
    public bool DailyRun { get; set; } = true;

    /// <summary>Quartz cron of the daily run (seconds first), in <see cref="TimeZone"/>: 06:00 every day.</summary>
    public string DailyCron { get; set; } = "0 0 6 * * ?";

    public string TimeZone { get; set; } = "Asia/Shanghai";
}
