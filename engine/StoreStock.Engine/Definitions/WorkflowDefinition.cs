using System.Text.Json.Nodes;

namespace StoreStock.Engine.Definitions;

/// <summary>
/// A workflow as HQ draws it: a stable id plus a version, variables, and one flowchart of activities joined by
/// connections from an outcome port to the next activity. Stored as JSON; published versions never change.
/// </summary>
public sealed class WorkflowDefinition
{
    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    public List<VariableDefinition> Variables { get; set; } = [];

    public Flowchart Root { get; set; } = new();
}

public sealed class VariableDefinition
{
    public string Name { get; set; } = "";

    /// <summary>string, number, boolean, object or array.</summary>
    public string Type { get; set; } = "string";

    public JsonNode? Default { get; set; }
}

public sealed class Flowchart
{
    public List<ActivityNode> Activities { get; set; } = [];

    public List<Connection> Connections { get; set; } = [];
}

public sealed class ActivityNode
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>Input name → a literal, or an expression object <c>{ "type": "js" | "template", "value": "…" }</c>.</summary>
    public Dictionary<string, JsonNode?> Inputs { get; set; } = new(StringComparer.Ordinal);

    public Position? Position { get; set; }
}

public sealed record Position(double X, double Y);

/// <summary>From an activity's outcome port to the activity that runs next.</summary>
public sealed class Connection
{
    public string Source { get; set; } = "";

    public string Outcome { get; set; } = "Done";

    public string Target { get; set; } = "";
}
