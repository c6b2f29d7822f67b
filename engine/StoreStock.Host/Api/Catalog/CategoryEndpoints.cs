using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Host.Api.Catalog;

/// <summary>GET /api/categories, POST /api/categories.</summary>
public static class CategoryEndpoints
{
    public static void MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Catalog");
        categories.MapGet("/", ListAsync);
        categories.MapPost("/", CreateAsync);
    }

    private static async Task<Ok<IReadOnlyList<CategoryView>>> ListAsync(ListCategories list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.ExecuteAsync(cancellationToken));

    private static async Task<Results<Created<CategoryView>, ProblemHttpResult>> CreateAsync(
        CategoryDraft request, HttpContext context, CreateCategory create, CancellationToken cancellationToken)
    {
        var outcome = await create.ExecuteAsync(context.Caller(), request, cancellationToken);
        return outcome.Value is { } category
            ? TypedResults.Created($"/api/categories/{Uri.EscapeDataString(category.Code)}", category)
            : OutcomeResults.Problem(outcome);
    }
}
