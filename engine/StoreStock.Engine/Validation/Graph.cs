using StoreStock.Engine.Activities;
using StoreStock.Engine.Activities.BuiltIn;
using StoreStock.Engine.Definitions;

namespace StoreStock.Engine.Validation;

/// <summary>The flowchart as a directed graph, for the validator's reachability, join and loop checks.</summary>
internal sealed class Graph(WorkflowDefinition definition, IReadOnlyDictionary<string, Activity> activities)
{
    private readonly List<Connection> _connections = definition.Root.Connections.Where(c => activities.ContainsKey(c.Source) && activities.ContainsKey(c.Target)).ToList();

    public IReadOnlyDictionary<string, Activity> Activities { get; } = activities;

    public string StartId => Activities.Values.Single(a => a.Node.Type == "Start").Id;

    public IEnumerable<Connection> Inbound(string id) => _connections.Where(c => c.Target == id);

    /// <summary>What can be reached from Start when the given (activity, outcome) edges are left out.</summary>
    public HashSet<string> ReachableFromStart((string Source, string Outcome)? skip)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { StartId };
        var stack = new Stack<string>([StartId]);
        while (stack.TryPop(out var current))
        {
            foreach (var next in _connections.Where(c => c.Source == current && (c.Source, c.Outcome) != skip).Select(c => c.Target))
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// For a branch leaving <paramref name="source"/> by <paramref name="ports"/>: for every single-port activity on
    /// all paths to it, the outcomes it must take. (A Fork takes all its ports, so it constrains nothing.)
    /// </summary>
    public Dictionary<string, HashSet<string>> Requirements(string source, HashSet<string> ports)
    {
        var requirements = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var activity in Activities.Values.Where(a => a is not Fork && a.Id != source))
        {
            foreach (var outcome in activity.Outcomes())
            {
                if (!ReachableFromStart((activity.Id, outcome)).Contains(source))
                {
                    requirements[activity.Id] = [outcome];
                }
            }
        }

        if (Activities[source] is not Fork)
        {
            requirements[source] = ports;
        }

        return requirements;
    }

    /// <summary>The loops of the graph (strongly connected components with a cycle), each as a list of activity ids.</summary>
    public List<List<string>> Cycles()
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _connections.Where(c => c.Source == v).Select(c => c.Target))
            {
                if (!indices.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == indices[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);

                if (component.Count > 1 || _connections.Exists(c => c.Source == v && c.Target == v))
                {
                    component.Reverse();
                    cycles.Add(component);
                }
            }
        }

        foreach (var id in Activities.Keys.Where(id => !indices.ContainsKey(id)))
        {
            Visit(id);
        }

        return cycles;
    }
}
