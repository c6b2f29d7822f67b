using System.Text.Json;
using StoreStock.Engine;
using StoreStock.Engine.Definitions;

namespace StoreStock.Workflows.Shipped;

/// <summary>
/// The process definitions StoreStock ships (<c>Definitions/*.json</c>, embedded). On first start each one that is not
/// in the database yet is saved and published as version 1; from then on it is HQ's to edit like any other.
/// </summary>
public sealed class ShippedDefinitions(DefinitionStore store)
{
    public const string Actor = "system:shipped";

    private const string ResourcePrefix = "StoreStock.Workflows.Definitions.";

    /// <summary>Every shipped definition, parsed from its embedded JSON.</summary>
    public static IReadOnlyList<WorkflowDefinition> All()
    {
        var assembly = typeof(ShippedDefinitions).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                return JsonSerializer.Deserialize<WorkflowDefinition>(stream, EngineJson.Options)
                    ?? throw new InvalidOperationException($"Shipped definition {name} is empty.");
            })
            .ToList();
    }

    /// <summary>Publishes the shipped definitions the database does not have; returns the ids it published.</summary>
    public async Task<IReadOnlyList<string>> PublishMissingAsync(CancellationToken ct)
    {
        var published = new List<string>();
        foreach (var definition in All())
        {
            if (await store.GetAsync(definition.DefinitionId, null, ct) is not null)
            {
                continue;
            }

            var saved = await store.SaveDraftAsync(definition, Actor, ct);
            var outcome = saved.Succeeded ? await store.PublishAsync(definition.DefinitionId, Actor, ct) : saved;
            if (outcome.Succeeded)
            {
                published.Add(definition.DefinitionId);
            }
            else if (outcome.Failure?.Kind != FailureKind.Conflict)
            {
                // A shipped definition that does not validate is a bug in this repository, not something to run without.
                throw new InvalidOperationException($"Shipped definition {definition.DefinitionId} was refused: {JsonSerializer.Serialize((object?)outcome.Errors ?? outcome.Failure)}");
            }
        }

        return published;
    }
}
