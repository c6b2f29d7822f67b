using StoreStock.Host.Auth;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Stocktakes;
using StoreStock.Workflows.Stocktakes;

namespace StoreStock.Host.Api.Stocktakes;

/// <summary>Stocktakes 盘点: start an ad-hoc count, follow counts, record what was counted, read the report.</summary>
public static class StocktakeEndpoints
{
    public static void MapStocktakeEndpoints(this RouteGroupBuilder api)
    {
        var stocktakes = api.MapGroup("/stocktakes").WithTags("Stocktakes").RequirePermission(Permission.RunWorkflows);

        stocktakes.MapPost("/", async (StartStocktakeRequest request, HttpContext context, StocktakeStarter starter, CancellationToken ct) =>
            OutcomeResults.Created(await starter.StartAdHocAsync(context.Caller(), context.WorkflowActor(), request, ct), view => $"/api/stocktakes/{view.Number}"))
            .WithSummary("Start an ad-hoc count (HQ, or the store's manager): the stocktake workflow opens it with its snapshot");
        stocktakes.MapGet("/", async (string? store, string? status, HttpContext context, StocktakeQueries queries, CancellationToken ct) =>
            status is not null && !StocktakeStatus.All.Contains(status)
                ? Problems.Invalid("status", $"must be one of: {string.Join(", ", StocktakeStatus.All)}")
                : Results.Ok(await queries.ListAsync(context.Caller(), store, status, ct)));
        stocktakes.MapGet("/{number}", async (string number, HttpContext context, StocktakeQueries queries, CancellationToken ct) =>
            OutcomeResults.Ok(await queries.GetAsync(context.Caller(), number, ct)))
            .WithSummary("A count with its lines; in a blind count clerks see no system quantities while counting");
        stocktakes.MapPut("/{number}/counts", async (string number, CountRequest request, HttpContext context, StocktakeCounts counts, CancellationToken ct) =>
            OutcomeResults.Ok(await counts.RecordAsync(context.Caller(), number, request, ct)))
            .WithSummary("Record counted quantities {lines:[{sku|barcode, counted}]}; a later count of a line replaces the earlier one");
        stocktakes.MapGet("/{number}/report", async (string number, HttpContext context, StocktakeQueries queries, CancellationToken ct) =>
            OutcomeResults.Ok(await queries.ReportAsync(context.Caller(), number, ct)))
            .WithSummary("Per line system quantity, counted, difference and value; totals of gain and loss");

        api.MapStocktakeScheduleEndpoints();
    }
}
