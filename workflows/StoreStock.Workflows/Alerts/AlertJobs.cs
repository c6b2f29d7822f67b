using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.Workflows.Alerts;

public static class AlertJobs
{
    /// <summary>The scheduled check, "check now", and a new low-stock alert starting replenishment (when the setting is on).</summary>
    public static IServiceCollection AddStockAlertJobs(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section);
        services.AddSingleton<ILowStockReplenishment, StartReplenishmentOnLowStock>();
        services.AddSingleton<AlertRun>();
        services.AddTransient<AlertCheckJob>();
        services.AddHostedService<AlertCheckSchedule>();
        return services;
    }
}
