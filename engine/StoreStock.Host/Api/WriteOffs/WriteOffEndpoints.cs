using System.Text.Json;
using System.Text.Json.Nodes;
using StoreStock.Engine;
using StoreStock.Engine.Runtime;
using StoreStock.Host.Auth;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Documents;
using StoreStock.Inventory.WriteOffs;
using StoreStock.Workflows.WriteOffs;

namespace StoreStock.Host.Api.WriteOffs;

/// <summary>报损: a clerk reports damaged or expired goods, the shipped <c>write-off</c> workflow takes it through approval to posting.</summary>
public static class WriteOffEndpoints
{
    public const string DefinitionId = "write-off";

    public sealed record WriteOffStarted(Guid InstanceId, string InstanceStatus, DocumentView Document);

    public static void MapWriteOffEndpoints(this RouteGroupBuilder api)
    {
        var writeOffs = api.MapGroup("/write-offs").WithTags("Write-offs");

        writeOffs.MapPost("/", StartAsync).RequirePermission(Permission.SubmitWriteOff)
            .WithSummary("Submit a write-off (lines, reason, photo): the write-off workflow sends it for approval");
        writeOffs.MapGet("/report", async (string? groupBy, DateTimeOffset? from, DateTimeOffset? to, string? store, HttpContext context, WriteOffReport report, CancellationToken ct) =>
            OutcomeResults.Ok(await report.RunAsync(context.Caller(), groupBy, from, to, store, ct)))
            .RequirePermission(Permission.ReadStock)
            .WithSummary("Posted write-offs by reason, product, store, day, week or month");
    }

    private static async Task<IResult> StartAsync(
        WriteOffRequest request, HttpContext context, WriteOffSteps steps, WorkflowRuntime runtime, StockDocuments documents, CancellationToken ct)
    {
        var caller = context.Caller();
        var checkedWriteOff = await steps.CheckAsync(caller, request, ct);
        if (!checkedWriteOff.Succeeded)
        {
            return OutcomeResults.Problem(checkedWriteOff);
        }

        var input = new JsonObject { ["document"] = JsonSerializer.SerializeToNode(checkedWriteOff.Value!.Document, EngineJson.Options) };
        var started = await runtime.StartAsync(new StartRequest(DefinitionId, null, checkedWriteOff.Value.StoreId, null, input), context.WorkflowActor(), ct);
        if (!started.Succeeded)
        {
            return OutcomeResults.Problem(started);
        }

        // The first step wrote the document; its number is among the variables the step saved.
        var number = started.Value!.Variables[SubmitWriteOff.NumberVariable]?.GetValue<string>();
        var document = number is null ? null : (await documents.GetAsync(caller, number, ct)).Value;
        return document is null
            ? Problems.Conflict($"报损流程没有生成报损单，实例状态 {started.Value.Status} (the workflow made no write-off document)",
                new Dictionary<string, object?> { ["instanceId"] = started.Value.InstanceId, ["incidents"] = started.Value.Incidents })
            : TypedResults.Created($"/api/documents/{number}", new WriteOffStarted(started.Value.InstanceId, started.Value.Status, document));
    }
}
