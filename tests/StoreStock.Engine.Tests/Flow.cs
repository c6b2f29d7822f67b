namespace StoreStock.Engine.Tests;

/// <summary>Builds definition JSON for tests: activities with inputs, and connections from outcome ports.</summary>
public sealed class Flow(string definitionId)
{
    private readonly List<object> _activities = [];
    private readonly List<object> _connections = [];
    private readonly List<object> _variables = [];

    public Flow Start(string id = "start") => Activity(id, "Start");

    public Flow Activity(string id, string type, object? inputs = null)
    {
        _activities.Add(new { id, type, inputs = inputs ?? new { }, position = new { x = 100 * _activities.Count, y = 100 } });
        return this;
    }

    public Flow Connect(string source, string target, string outcome = "Done")
    {
        _connections.Add(new { source, outcome, target });
        return this;
    }

    public Flow Variable(string name, string type, object? @default = null)
    {
        _variables.Add(new { name, type, @default });
        return this;
    }

    public object Build(string? name = null) => new
    {
        definitionId,
        name = name ?? $"测试流程 {definitionId}",
        variables = _variables,
        root = new { activities = _activities, connections = _connections },
    };

    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
}
