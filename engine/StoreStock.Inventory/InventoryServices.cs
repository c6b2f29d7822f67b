using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Channels;
using StoreStock.Inventory.Catalog;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory;

public static class InventoryServices
{
    public static IServiceCollection AddInventory(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Configure();
        services.AddSingleton(configuration.Get<InventoryOptions>() ?? new InventoryOptions());
        services.AddSingleton<InventoryDatabase>();
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<ScopeGuard>();
        services.AddSingleton<LineResolver>();
        services.AddSingleton<Stock.StockQueries>();
        services.AddSingleton<Documents.StockDocuments>();
        services.AddSingleton<WriteOffs.WriteOffSteps>();
        services.AddSingleton<WriteOffs.WriteOffReport>();
        services.AddSingleton<ChannelOperation>();
        services.AddSingleton<OnlineOrders>();
        services.AddSingleton<GroupBuyRedemptions>();
        services.AddSingleton<PosSales>();
        services.AddHostedService(sp => sp.GetRequiredService<PosSales>());
        services.AddHostedService<ReservationExpiry>();
        services.AddCatalog();
        Transfers.TransferServices.AddTransfers(services);
        services.AddStockAlerts();
        Stocktakes.StocktakeServices.AddStocktakes(services);
        Replenishment.ReplenishmentServices.AddReplenishment(services);
        return services;
    }
}
