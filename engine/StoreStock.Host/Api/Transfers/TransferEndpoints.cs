using System.Text.Json;
using System.Text.Json.Nodes;
using StoreStock.Engine.Runtime;
using StoreStock.Host.Auth;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Transfers;
using StoreStock.Workflows.Transfers;

namespace StoreStock.Host.Api.Transfers;

/// <summary>
/// Transfers 调拨: request one (starts the shipped <c>transfer</c> workflow for the source store), list and read them
/// within scope, cancel before shipping. Picking, shipping and receiving are the workflow's task cards.
/// </summary>
public static class TransferEndpoints
{
    public const string DefinitionId = "transfer";

    public static void MapTransferEndpoints(this RouteGroupBuilder api)
    {
        var transfers = api.MapGroup("/transfers").WithTags("Transfers").RequirePermission(Permission.RunWorkflows);

        transfers.MapPost("/", RequestAsync).WithSummary("Request a transfer: validates, then starts the transfer workflow, which writes and reserves it");
        transfers.MapGet("/", async (string? status, string? store, int? limit, HttpContext context, TransferQueries queries, CancellationToken ct) =>
            status is not null && !TransferStatus.All.Contains(status)
                ? Problems.Invalid("status", $"must be one of: {string.Join(", ", TransferStatus.All)}")
                : Results.Ok(await queries.ListAsync(context.Caller(), status, store, limit ?? 50, ct)));
        transfers.MapGet("/{number}", async (string number, HttpContext context, TransferQueries queries, WorkflowQueries workflows, CancellationToken ct) =>
            await queries.GetAsync(context.Caller(), number, ct) is { } transfer
                ? Results.Ok(await DetailAsync(transfer, workflows, ct))
                : NotFound(number))
            .WithSummary("A transfer with its lines (requested, shipped, received, discrepancy), its instance and its open cards");
        transfers.MapPost("/{number}/cancel", CancelAsync).WithSummary("Cancel before shipping: the reservation is released; after shipping a 409");
    }

    private static async Task<IResult> RequestAsync(
        TransferRequest request, HttpContext context, TransferPreparation preparation, WorkflowRuntime runtime, TransferQueries queries, WorkflowQueries workflows, CancellationToken ct)
    {
        var prepared = await preparation.PrepareAsync(context.Caller(), request, ct);
        if (!prepared.Succeeded)
        {
            return OutcomeResults.Problem(prepared);
        }

        var draft = prepared.Value!;
        var input = new JsonObject { ["transfer"] = JsonSerializer.SerializeToNode(draft, StoreStock.Engine.EngineJson.Options) };
        var started = await runtime.StartAsync(new StartRequest(DefinitionId, null, draft.FromStoreId, null, input), ActingForTransfer(context), ct);
        if (!started.Succeeded)
        {
            return OutcomeResults.Problem(started);
        }

        var number = await queries.NumberOfInstanceAsync(started.Value!.InstanceId, ct);
        var transfer = number is null ? null : await queries.GetAsync(context.Caller(), number, ct);
        return transfer is null
            ? Problems.Conflict($"调拨流程未能建立调拨单：{string.Join("; ", started.Value.Incidents)} (the workflow did not write the transfer)")
            : TypedResults.Created($"/api/transfers/{transfer.Number}", await DetailAsync(transfer, workflows, ct));
    }

    private static async Task<IResult> CancelAsync(string number, HttpContext context, TransferQueries queries, WorkflowQueries workflows, WorkflowRuntime runtime, CancellationToken ct)
    {
        var caller = context.Caller();
        var transfer = await queries.GetAsync(caller, number, ct);
        if (transfer is null)
        {
            return NotFound(number);
        }

        if (caller.Role == Role.Clerk)
        {
            return Problems.Forbidden("店员不能取消调拨 (clerks cannot cancel a transfer; ask the store manager)");
        }

        if (!TransferStatus.HoldsReservation(transfer.Status))
        {
            return AlreadyPast(transfer.Status);
        }

        try
        {
            var cancelled = await runtime.CancelAsync(transfer.InstanceId, ActingForTransfer(context), ct);
            if (!cancelled.Succeeded)
            {
                return OutcomeResults.Problem(cancelled);
            }
        }
        catch (TransferAlreadyShippedException)
        {
            return AlreadyPast(TransferStatus.Shipped);
        }

        return Results.Ok(await DetailAsync((await queries.GetAsync(caller, number, ct))!, workflows, ct));
    }

    /// <summary>
    /// The caller as the transfer's workflow sees them. The transfer API has checked the caller's scope on the transfer
    /// (either end), so the engine is not asked to check it again against the source store alone.
    /// </summary>
    private static WorkflowActor ActingForTransfer(HttpContext context) => new(context.WorkflowActor().Actor, null, null, null, null);

    /// <summary>The transfer's fields with its instance's status and open cards beside them.</summary>
    private static async Task<JsonObject> DetailAsync(TransferView transfer, WorkflowQueries workflows, CancellationToken ct)
    {
        var detail = JsonSerializer.SerializeToNode(transfer, JsonSerializerOptions.Web)!.AsObject();
        var instance = await workflows.InstanceAsync(transfer.InstanceId, WorkflowActor.System("transfers"), ct);
        detail["instanceStatus"] = instance?.Instance.Status;
        detail["openCards"] = JsonSerializer.SerializeToNode(
            (instance?.Tasks ?? []).Where(t => t.Status == StoreStock.Engine.Tasks.TaskStatus.Open)
                .Select(t => new { t.Id, t.ActivityId, t.Title, t.Assignees, t.AssigneeRole, t.StoreId, t.DueAt, t.EscalationLevel }),
            JsonSerializerOptions.Web);
        return detail;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string number) => Problems.NotFound($"调拨单 {number} 不存在 (transfer not found)");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult AlreadyPast(string status) =>
        Problems.Conflict($"调拨单状态为 {status}，只有发货前可以取消 (only a transfer that has not shipped can be cancelled)");
}
