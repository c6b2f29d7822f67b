using StoreStock.Host.Auth;
using StoreStock.Inventory.Stock;

namespace StoreStock.Host.Api.Stock;

/// <summary>Stock levels with 7/30-day sales, and the move history, within the caller's scope.</summary>
public static class StockEndpoints
{
    public static void MapStockEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stock", async (string? store, string? sku, string? barcode, string? location, int? limit, int? offset, HttpContext context, StockQueries queries) =>
            TypedResults.Ok(await queries.StockAsync(context.Caller(),
                new StockQueries.StockFilter(store, sku, barcode, location, Math.Clamp(limit ?? 200, 1, 1000), Math.Max(offset ?? 0, 0)), context.RequestAborted)))
            .WithTags("Stock")
            .WithSummary("Stock per location and product: on hand, reserved, in transit, available, sold in 7 and 30 days");

        api.MapGet("/moves", async (string? location, string? sku, string? kind, string? channel, string? document, DateTimeOffset? from, DateTimeOffset? to,
                long? before, int? limit, HttpContext context, StockQueries queries) =>
            TypedResults.Ok(await queries.MovesAsync(context.Caller(),
                new StockQueries.MoveFilter(location, sku, kind, channel, document, from, to, before, Math.Clamp(limit ?? 100, 1, 1000)), context.RequestAborted)))
            .WithTags("Stock")
            .WithSummary("Stock moves, newest first; page with before=<id of the last move seen>");
    }
}
