using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Host.Api.Catalog;

/// <summary>POST /api/products/{sku}/barcodes, DELETE /api/products/{sku}/barcodes/{barcode}. Both answer with the product.</summary>
public static class BarcodeEndpoints
{
    public sealed record AddBarcodeRequest(string? Barcode);

    public static void MapBarcodeEndpoints(this RouteGroupBuilder products)
    {
        products.MapPost("/{sku}/barcodes", AddAsync);
        products.MapDelete("/{sku}/barcodes/{barcode}", RemoveAsync);
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> AddAsync(
        string sku, AddBarcodeRequest request, HttpContext context, AddBarcode add, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await add.ExecuteAsync(context.Caller(), sku, request.Barcode, cancellationToken));

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> RemoveAsync(
        string sku, string barcode, HttpContext context, RemoveBarcode remove, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await remove.ExecuteAsync(context.Caller(), sku, barcode, cancellationToken));
}
