using StoreStock.Engine.Activities;

namespace StoreStock.Engine.Definitions;

/// <summary>
/// A published version ready to run: activities built once, connections indexed both ways. Immutable and shared by
/// every instance of the version, so activities hold no per-run state.
/// </summary>
public sealed class CompiledDefinition
{
    private readonly Dictionary<(string Source, string Outcome), List<string>> _next = [];
    private readonly Dictionary<string, List<string>> _inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public CompiledDefinition(WorkflowDefinition definition, IReadOnlyDictionary<string, Activity> activities)
    {
        Definition = definition;
        Activities = activities;
        foreach (var connection in definition.Root.Connections)
        {
            var key = (connection.Source, connection.Outcome);
            if (!_next.TryGetValue(key, out var targets))
            {
                _next[key] = targets = [];
            }

            targets.Add(connection.Target);
            if (!_inbound.TryGetValue(connection.Target, out var sources))
            {
                _inbound[connection.Target] = sources = [];
            }

            if (!sources.Contains(connection.Source))
            {
                sources.Add(connection.Source);
            }
        }

        foreach (var id in activities.Keys)
        {
            _ancestors[id] = CollectAncestors(id);
        }
    }

    public WorkflowDefinition Definition { get; }

    public IReadOnlyDictionary<string, Activity> Activities { get; }

    public Activity Start => Activities.Values.Single(a => a.Node.Type == "Start");

    public IReadOnlyList<string> Next(string source, string outcome) => _next.TryGetValue((source, outcome), out var targets) ? targets : [];

    /// <summary>The distinct activities with a connection into this one.</summary>
    public IReadOnlyList<string> InboundSources(string target) => _inbound.TryGetValue(target, out var sources) ? sources : [];

    /// <summary>Every activity from which this one can be reached.</summary>
    public IReadOnlySet<string> AncestorsOf(string id) => _ancestors[id];

    private HashSet<string> CollectAncestors(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(InboundSources(id));
        while (stack.TryPop(out var current))
        {
            if (seen.Add(current))
            {
                foreach (var source in InboundSources(current))
                {
                    stack.Push(source);
                }
            }
        }

        seen.Remove(id);
        return seen;
    }
}
