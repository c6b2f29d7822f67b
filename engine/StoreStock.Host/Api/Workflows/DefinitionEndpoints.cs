using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using StoreStock.Engine;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Definitions;
using StoreStock.Engine.Validation;
using StoreStock.Host.Workflows;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Api.Workflows;

/// <summary>Workflow definitions for the designer: read by everyone who runs workflows, written by HQ.</summary>
public static class DefinitionEndpoints
{
    private static readonly Lazy<JsonNode> Schema = new(() => EngineJsonSchema());

    public static void MapDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflow definitions");
        var read = workflows.MapGroup("").RequirePermission(Permission.RunWorkflows);
        var design = workflows.MapGroup("").RequirePermission(Permission.DesignWorkflows);

        read.MapGet("/activities", (ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors()))
            .WithSummary("Activity types with their inputs, UI hints and outcomes, for the designer's palette");
        read.MapGet("/schema", () => TypedResults.Content(Schema.Value.ToJsonString(), "application/schema+json"))
            .WithSummary("JSON schema of a workflow definition");
        read.MapGet("/definitions", async (DefinitionStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)));
        read.MapGet("/definitions/{definitionId}", async (string definitionId, int? version, DefinitionStore store, CancellationToken ct) =>
            await store.GetAsync(definitionId, version, ct) is { } definition ? Results.Ok(definition) : NotFound(definitionId, version));
        read.MapGet("/definitions/{definitionId}/versions", async (string definitionId, DefinitionStore store, CancellationToken ct) =>
            await store.VersionsAsync(definitionId, ct) is { Count: > 0 } versions ? Results.Ok(versions) : NotFound(definitionId, null));
        read.MapGet("/definitions/{definitionId}/export", async (string definitionId, int? version, DefinitionStore store, CancellationToken ct) =>
            await store.GetAsync(definitionId, version, ct) is { } definition
                ? Results.File(JsonSerializer.SerializeToUtf8Bytes(definition, EngineJson.Options), "application/json", $"{definitionId}-v{definition.Version}.json")
                : NotFound(definitionId, version))
            .WithSummary("Download a version as JSON");

        design.MapPost("/definitions/validate", (WorkflowDefinition definition, DefinitionValidator validator) =>
            DefinitionStructure.Check(definition) is { Any: true } errors
                ? Problems.Invalid(errors)
                : Results.Ok(new ValidationReport(validator.Validate(definition))))
            .WithSummary("List every problem of a definition without saving it");
        design.MapPut("/definitions/{definitionId}", async (string definitionId, WorkflowDefinition definition, HttpContext context, DefinitionStore store, CancellationToken ct) =>
        {
            definition.DefinitionId = definitionId;
            return OutcomeResults.Ok(await store.SaveDraftAsync(definition, context.WorkflowActor().Actor, ct));
        }).WithSummary("Save the draft (a new version above the published ones)");
        design.MapPost("/definitions/import", async (WorkflowDefinition definition, HttpContext context, DefinitionStore store, CancellationToken ct) =>
            OutcomeResults.Ok(await store.SaveDraftAsync(definition, context.WorkflowActor().Actor, ct)))
            .WithSummary("Import an exported definition as the draft");
        design.MapPost("/definitions/{definitionId}/publish", async (string definitionId, HttpContext context, DefinitionStore store, CancellationToken ct) =>
            OutcomeResults.Ok(await store.PublishAsync(definitionId, context.WorkflowActor().Actor, ct)))
            .WithSummary("Validate and publish the draft; refused with every problem listed");
        design.MapPost("/definitions/{definitionId}/versions/{version:int}/restore", async (string definitionId, int version, HttpContext context, DefinitionStore store, CancellationToken ct) =>
            OutcomeResults.Ok(await store.RestoreAsync(definitionId, version, context.WorkflowActor().Actor, ct)))
            .WithSummary("Publish a copy of an older version as the newest");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string definitionId, int? version) =>
        Problems.NotFound($"没有工作流 {definitionId}{(version is null ? "" : $" 版本 {version}")} (no such workflow or version)");

    private static JsonNode EngineJsonSchema()
    {
        var options = new JsonSerializerOptions(EngineJson.Options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options.GetJsonSchemaAsNode(typeof(WorkflowDefinition));
    }
}

public sealed record ValidationReport(IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
