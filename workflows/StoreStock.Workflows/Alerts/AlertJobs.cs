using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StoreStock.Workflows.Alerts;

public static class AlertJobs
{
    /// <summary>The scheduled check, "check now", and the replenishment seam (a no-op unless replenishment registers its own).</summary>
    public static IServiceCollection AddStockAlertJobs(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section);
        services.TryAddSingleton<ILowStockReplenishment, NoLowStockReplenishment>();
        services.AddSingleton<AlertRun>();
        services.AddTransient<AlertCheckJob>();
        services.AddHostedService<AlertCheckSchedule>();
        return services;
    }
}
