using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Host.Api.Catalog;

/// <summary>GET /api/products (search and paging), GET /api/products/{sku}, GET /api/products/by-barcode/{barcode}.</summary>
public static class ProductQueryEndpoints
{
    public static void MapProductQueryEndpoints(this RouteGroupBuilder products)
    {
        products.MapGet("/", SearchAsync);
        products.MapGet("/{sku}", BySkuAsync);
        products.MapGet("/by-barcode/{barcode}", ByBarcodeAsync);
    }

    /// <param name="q">Matches a SKU prefix, a name fragment or an exact barcode.</param>
    private static async Task<Results<Ok<ProductPage>, ProblemHttpResult>> SearchAsync(
        SearchProducts search,
        CancellationToken cancellationToken,
        string? q = null,
        string? sku = null,
        string? name = null,
        string? barcode = null,
        string? category = null,
        string? page = null,
        string? pageSize = null)
    {
        if (!TryParsePositive(page, 1, out var pageNumber))
        {
            return Problems.Invalid("page", $"'{page}' is not a page number (1 or more)");
        }

        if (!TryParsePositive(pageSize, CatalogLimits.DefaultPageSize, out var size))
        {
            return Problems.Invalid("pageSize", $"'{pageSize}' is not a page size (1 to {CatalogLimits.MaxPageSize})");
        }

        return OutcomeResults.Ok(await search.ExecuteAsync(new ProductSearch(q, sku, name, barcode, category, pageNumber, size), cancellationToken));
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> BySkuAsync(string sku, GetProduct get, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await get.BySkuAsync(sku, cancellationToken));

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> ByBarcodeAsync(string barcode, GetProduct get, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await get.ByBarcodeAsync(barcode, cancellationToken));

    private static bool TryParsePositive(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
    }
}
