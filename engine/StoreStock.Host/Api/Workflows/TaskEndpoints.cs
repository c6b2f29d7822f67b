using StoreStock.Engine.Runtime;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Api.Workflows;

/// <summary>Task cards: my open cards, one card, complete with a payload, hand over to someone else.</summary>
public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Task cards").RequirePermission(Permission.RunWorkflows);

        tasks.MapGet("/mine", async (HttpContext context, WorkflowQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.MyOpenTasksAsync(context.WorkflowActor(), ct)));
        tasks.MapGet("/{id:guid}", async (Guid id, HttpContext context, WorkflowQueries queries, CancellationToken ct) =>
            await queries.TaskAsync(id, context.WorkflowActor(), ct) is { } task ? Results.Ok(task) : Problems.NotFound($"没有任务 {id} (no such task)"));
        tasks.MapPost("/{id:guid}/complete", async (Guid id, CompleteRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
            OutcomeResults.Ok(await runtime.CompleteTaskAsync(id, request, context.WorkflowActor(), ct)))
            .WithSummary("Complete a card with an outcome and the form's payload; a second completion is a 409");
        tasks.MapPost("/{id:guid}/reassign", async (Guid id, ReassignRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
            OutcomeResults.Ok(await runtime.ReassignTaskAsync(id, request.Assignees, context.WorkflowActor(), ct)));
    }
}

public sealed record ReassignRequest(IReadOnlyList<string>? Assignees);
