using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.Workflows.Stocktakes.Scheduling;

public static class StocktakeScheduling
{
    /// <summary>Starting counts (ad hoc and scheduled), the schedules, and their Quartz triggers (made sure of at start-up).</summary>
    public static IServiceCollection AddStocktakeWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<StocktakeStarter>();
        services.AddSingleton<StocktakeScheduler>();
        services.AddSingleton<StocktakeSchedules>();
        services.AddHostedService<StocktakeScheduleStartup>();
        return services;
    }
}
