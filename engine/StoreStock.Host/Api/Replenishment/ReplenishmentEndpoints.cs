using StoreStock.Host.Auth;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Purchasing;
using StoreStock.Inventory.Replenishment;
using StoreStock.Workflows.Replenishment;

namespace StoreStock.Host.Api.Replenishment;

/// <summary>补货 replenishment: run now, preview suggestions, purchase orders, seasonal factors.</summary>
public static class ReplenishmentEndpoints
{
    public sealed record RunRequest(string? StoreCode);

    public static void MapReplenishmentEndpoints(this RouteGroupBuilder api)
    {
        var replenishment = api.MapGroup("/replenishment").WithTags("Replenishment").RequirePermission(Permission.RunWorkflows);
        replenishment.MapPost("/runs", async (RunRequest? request, HttpContext context, ReplenishmentRuns runs, CancellationToken ct) =>
            OutcomeResults.Ok(await runs.RunAsync(context.Caller(), context.WorkflowActor(), request?.StoreCode, ct)))
            .WithSummary("Start replenishment now: one instance per store (all stores in scope, or the one named)");
        replenishment.MapGet("/suggestions", async (string? store, HttpContext context, ReplenishmentPreview preview, CancellationToken ct) =>
            OutcomeResults.Ok(await preview.PreviewAsync(context.Caller(), store, ct)))
            .WithSummary("What the store would be suggested to order now, with the figures behind each line; writes nothing");

        var orders = api.MapGroup("/purchase-orders").WithTags("Replenishment").RequirePermission(Permission.ReadStock);
        orders.MapGet("/", async (string? store, string? status, int? limit, HttpContext context, PurchaseOrderQueries queries, CancellationToken ct) =>
            OutcomeResults.Ok(await queries.ListAsync(context.Caller(), store, status, Math.Clamp(limit ?? 50, 1, 200), ct)));
        orders.MapGet("/{number}", async (string number, HttpContext context, PurchaseOrderQueries queries, CancellationToken ct) =>
            OutcomeResults.Ok(await queries.GetAsync(context.Caller(), number, ct)))
            .WithSummary("A purchase order with its lines (suggested, ordered, received), status and workflow instance");

        var factors = api.MapGroup("/seasonal-factors").WithTags("Replenishment").RequirePermission(Permission.ManageCatalog);
        factors.MapGet("/", async (SeasonalFactors service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));
        factors.MapPut("/", async (SetSeasonalFactorsRequest request, HttpContext context, SeasonalFactors service, CancellationToken ct) =>
            OutcomeResults.Ok(await service.SetAsync(context.Caller(), request, ct)))
            .WithSummary("Set demand factors per category and month (0 < factor ≤ 10); months not set count as 1");
    }
}
