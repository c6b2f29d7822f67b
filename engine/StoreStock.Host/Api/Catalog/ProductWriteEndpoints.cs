using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Host.Api.Catalog;

/// <summary>POST /api/products, PUT /api/products/{sku}.</summary>
public static class ProductWriteEndpoints
{
    public static void MapProductWriteEndpoints(this RouteGroupBuilder products)
    {
        products.MapPost("/", CreateAsync);
        products.MapPut("/{sku}", UpdateAsync);
    }

    private static async Task<Results<Created<ProductView>, ProblemHttpResult>> CreateAsync(
        ProductDraft request, HttpContext context, CreateProduct create, CancellationToken cancellationToken)
    {
        var outcome = await create.ExecuteAsync(context.Caller(), request, cancellationToken);
        return outcome.Value is { } product
            ? TypedResults.Created($"/api/products/{Uri.EscapeDataString(product.Sku)}", product)
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> UpdateAsync(
        string sku, ProductDraft request, HttpContext context, UpdateProduct update, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await update.ExecuteAsync(context.Caller(), sku, request, cancellationToken));
}
