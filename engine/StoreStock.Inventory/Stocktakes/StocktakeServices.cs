using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.Inventory.Stocktakes;

public static class StocktakeServices
{
    public static IServiceCollection AddStocktakes(this IServiceCollection services)
    {
        services.AddSingleton<StocktakeQueries>();
        services.AddSingleton<StocktakeCounts>();
        return services;
    }
}
