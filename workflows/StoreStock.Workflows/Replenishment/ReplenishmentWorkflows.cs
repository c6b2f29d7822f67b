using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.Workflows.Replenishment;

public static class ReplenishmentWorkflows
{
    /// <param name="configuration">The <c>Workflows:Replenishment</c> section.</param>
    public static IServiceCollection AddReplenishmentWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.Get<ReplenishmentOptions>() ?? new ReplenishmentOptions());
        services.AddSingleton<ReplenishmentStarter>();
        services.AddSingleton<ReplenishmentRuns>();
        services.AddTransient<DailyReplenishmentJob>();
        services.AddHostedService<DailyReplenishmentSchedule>();
        return services;
    }
}
