using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Host.Api.Catalog;

/// <summary>
/// GET /api/stores/{storeCode}/policies/{sku}: the effective policy (store override over product defaults);
/// PUT sets the store's override, DELETE clears it (HQ only).
/// </summary>
public static class StorePolicyEndpoints
{
    public static void MapStorePolicyEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/stores/{storeCode}/policies").WithTags("Catalog");
        policies.MapGet("/{sku}", GetAsync);
        policies.MapPut("/{sku}", SetAsync);
        policies.MapDelete("/{sku}", ClearAsync);
    }

    private static async Task<Results<Ok<EffectivePolicy>, ProblemHttpResult>> GetAsync(
        string storeCode, string sku, HttpContext context, GetEffectivePolicy get, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await get.ExecuteAsync(context.Caller(), storeCode, sku, cancellationToken));

    private static async Task<Results<Ok<EffectivePolicy>, ProblemHttpResult>> SetAsync(
        string storeCode, string sku, PolicyOverride request, HttpContext context, SetStorePolicy set, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await set.ExecuteAsync(context.Caller(), storeCode, sku, request, cancellationToken));

    private static async Task<Results<Ok<EffectivePolicy>, ProblemHttpResult>> ClearAsync(
        string storeCode, string sku, HttpContext context, ClearStorePolicy clear, CancellationToken cancellationToken) =>
        OutcomeResults.Ok(await clear.ExecuteAsync(context.Caller(), storeCode, sku, cancellationToken));
}
