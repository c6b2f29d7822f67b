using System.Collections.Concurrent;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Validation;

namespace StoreStock.Engine.Definitions;

/// <summary>Published versions, compiled once per process: a published version never changes, so nothing goes stale.</summary>
public sealed class PublishedDefinitions(DefinitionValidator validator)
{
    private readonly ConcurrentDictionary<(string Id, int Version), CompiledDefinition> _compiled = new();

    public async Task<CompiledDefinition?> GetAsync(UnitOfWork work, string definitionId, int version, CancellationToken ct)
    {
        if (_compiled.TryGetValue((definitionId, version), out var compiled))
        {
            return compiled;
        }

        var definition = await DefinitionStore.PublishedAsync(work, definitionId, version, ct);
        return definition is null ? null : _compiled.GetOrAdd((definitionId, version), _ => validator.Compile(definition));
    }
}
