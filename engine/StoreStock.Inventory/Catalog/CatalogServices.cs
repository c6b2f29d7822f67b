using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Catalog.Export;
using StoreStock.Inventory.Catalog.Import;

namespace StoreStock.Inventory.Catalog;

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ListCategories>();
        services.AddSingleton<CreateCategory>();
        services.AddSingleton<SearchProducts>();
        services.AddSingleton<GetProduct>();
        services.AddSingleton<CreateProduct>();
        services.AddSingleton<UpdateProduct>();
        services.AddSingleton<AddBarcode>();
        services.AddSingleton<RemoveBarcode>();
        services.AddSingleton<GetEffectivePolicy>();
        services.AddSingleton<SetStorePolicy>();
        services.AddSingleton<ClearStorePolicy>();
        services.AddSingleton<ImportProducts>();
        services.AddSingleton<ImportOpeningStock>();
        services.AddSingleton<ExportProducts>();
        services.AddSingleton<ExportStock>();
        return services;
    }
}
