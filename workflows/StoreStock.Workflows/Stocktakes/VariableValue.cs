using System.Text.Json;
using System.Text.Json.Nodes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>Variable and start-input values from C# objects (anonymous objects with camelCase names), as parsed JSON.</summary>
public static class VariableValue
{
    public static JsonNode? Of(object? value) => JsonSerializer.SerializeToNode(value);
}
