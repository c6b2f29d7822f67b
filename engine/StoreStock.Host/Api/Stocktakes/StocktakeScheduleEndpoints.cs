using StoreStock.Host.Auth;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;
using StoreStock.Workflows.Stocktakes.Scheduling;

namespace StoreStock.Host.Api.Stocktakes;

/// <summary>Stocktake schedules 盘点计划: Quartz cron per store, managed by HQ and the store's manager.</summary>
public static class StocktakeScheduleEndpoints
{
    public static void MapStocktakeScheduleEndpoints(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/stocktake-schedules").WithTags("Stocktakes").RequirePermission(Permission.RunWorkflows);

        schedules.MapGet("/", async (string? store, HttpContext context, StocktakeSchedules service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(context.Caller(), store, ct)));
        schedules.MapPost("/", async (ScheduleRequest request, HttpContext context, StocktakeSchedules service, CancellationToken ct) =>
            OutcomeResults.Created(await service.CreateAsync(context.Caller(), request, ct), view => $"/api/stocktake-schedules/{view.Id}"))
            .WithSummary("Create a schedule: cron (Quartz, China time), scope, blind, countDeadline, missedAfter");
        schedules.MapPut("/{id:int}", async (int id, ScheduleRequest request, HttpContext context, StocktakeSchedules service, CancellationToken ct) =>
            OutcomeResults.Ok(await service.UpdateAsync(context.Caller(), id, request, ct)))
            .WithSummary("Change a schedule (the fields given); enabled=false stops its trigger");
        schedules.MapDelete("/{id:int}", async (int id, HttpContext context, StocktakeSchedules service, CancellationToken ct) =>
            OutcomeResults.Ok(await service.DeleteAsync(context.Caller(), id, ct)))
            .WithSummary("Delete a schedule: it never fires again");
    }
}
