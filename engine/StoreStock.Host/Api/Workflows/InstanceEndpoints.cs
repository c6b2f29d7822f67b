using StoreStock.Engine.Runtime;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Api.Workflows;

/// <summary>Starting and following workflow instances, inside the caller's scope.</summary>
public static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/workflows/instances").WithTags("Workflow instances").RequirePermission(Permission.RunWorkflows);

        instances.MapPost("/", async (StartRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
            OutcomeResults.Ok(await runtime.StartAsync(request, context.WorkflowActor(), ct)))
            .WithSummary("Start the latest published version (or a given one) with input");
        instances.MapGet("/", async (string? definitionId, string? status, int? storeId, string? correlation, int? limit, int? offset,
            HttpContext context, WorkflowQueries queries, CancellationToken ct) =>
            status is not null && !InstanceStatus.All.Contains(status)
                ? Problems.Invalid("status", $"must be one of: {string.Join(", ", InstanceStatus.All)}")
                : Results.Ok(await queries.InstancesAsync(new InstanceFilter(definitionId, status, storeId, correlation, limit ?? 50, offset ?? 0), context.WorkflowActor(), ct)));
        instances.MapGet("/{id:guid}", async (Guid id, HttpContext context, WorkflowQueries queries, CancellationToken ct) =>
            await queries.InstanceAsync(id, context.WorkflowActor(), ct) is { } detail ? Results.Ok(detail) : Problems.NotFound($"没有流程实例 {id} (no such instance)"))
            .WithSummary("An instance with its variables, journal, bookmarks, timers, incidents and cards");
        instances.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
            OutcomeResults.Ok(await runtime.CancelAsync(id, context.WorkflowActor(), ct)));
        instances.MapPost("/{id:guid}/retry", async (Guid id, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
            OutcomeResults.Ok(await runtime.RetryAsync(id, context.WorkflowActor(), ct)))
            .WithSummary("Run a faulted instance again from the activity that failed");
    }
}
