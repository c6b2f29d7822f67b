using StoreStock.Host.Auth;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Alerts;
using StoreStock.Workflows.Alerts;

namespace StoreStock.Host.Api.Alerts;

/// <summary>Stock alerts (库存预警): the list within scope, acknowledge, and HQ's "check now".</summary>
public static class AlertEndpoints
{
    public sealed record CheckResponse(int Opened, int Refreshed, int Resolved, int Notified);

    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts").RequirePermission(Permission.ReadStock);

        alerts.MapGet("/", async (string? store, string? kind, string? status, int? limit, HttpContext context, AlertQueries queries) =>
            OutcomeResults.Ok(await queries.ListAsync(context.Caller(),
                new AlertQueries.AlertFilter(store, kind, status, Math.Clamp(limit ?? 100, 1, 1000)), context.RequestAborted)))
            .WithSummary("Alerts within your scope, newest first: kind low_stock / overstock / no_sale / negative_stock, status open / acknowledged / resolved");

        alerts.MapPost("/{id:long}/acknowledge", async (long id, HttpContext context, AcknowledgeAlert acknowledge) =>
            OutcomeResults.Ok(await acknowledge.AcknowledgeAsync(context.Caller(), id, context.RequestAborted)))
            .WithSummary("Acknowledge an alert: no more reminders; it still resolves when its condition clears");

        alerts.MapPost("/check", async (HttpContext context, AlertRun run) =>
        {
            if (!context.Caller().IsHq)
            {
                return (IResult)Problems.Forbidden("只有总部可以立即检查预警 (only HQ may run the alert check)");
            }

            var result = await run.RunAsync(context.RequestAborted);
            return TypedResults.Ok(new CheckResponse(result.Opened, result.Refreshed, result.Resolved, result.Notified));
        })
            .WithSummary("Run the alert check now (HQ); answers how many alerts it opened, refreshed and resolved and how many messages it wrote");
    }
}
