using StoreStock.Host.Api.Catalog;

namespace StoreStock.Host.Api;

/// <summary>
/// The catalog (商品建档) API: categories, products, barcodes, store policies, imports and exports.
/// In the Api namespace so that mapping it needs no extra using.
/// </summary>
public static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapCategoryEndpoints();
        var products = api.MapGroup("/products").WithTags("Catalog");
        products.MapProductQueryEndpoints();
        products.MapProductWriteEndpoints();
        products.MapBarcodeEndpoints();
        api.MapStorePolicyEndpoints();
        api.MapImportEndpoints();
        api.MapExportEndpoints();
    }
}
