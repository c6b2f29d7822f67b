using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Alerts;

namespace StoreStock.Inventory;

public static class AlertServices
{
    public static IServiceCollection AddStockAlerts(this IServiceCollection services)
    {
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<AcknowledgeAlert>();
        return services;
    }
}
