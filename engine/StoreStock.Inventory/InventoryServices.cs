using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Catalog;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory;

public static class InventoryServices
{
    public static IServiceCollection AddInventory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.Get<InventoryOptions>() ?? new InventoryOptions());
        services.AddSingleton<InventoryDatabase>();
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<ScopeGuard>();
        services.AddCatalog();
        return services;
    }
}
