using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Inventory.Replenishment;

public static class ReplenishmentServices
{
    public static IServiceCollection AddReplenishment(this IServiceCollection services)
    {
        services.AddSingleton<ReplenishmentPlanner>();
        services.AddSingleton<PurchaseOrderDrafts>();
        services.AddSingleton<ReceivePurchaseOrderGoods>();
        services.AddSingleton<PurchaseOrderQueries>();
        services.AddSingleton<SeasonalFactors>();
        services.AddSingleton<StoreInScope>();
        services.AddSingleton<ReplenishmentPreview>();
        return services;
    }
}
