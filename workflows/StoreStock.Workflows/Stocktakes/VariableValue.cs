using System.Text.Json;
using System.Text.Json.Nodes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>
/// Variable values as parsed JSON, the form the engine reads back from the database: templates and scripts render
/// them the same whether they were set in this step or loaded later (a node made straight from an int is not).
/// </summary>
public static class VariableValue
{
    public static JsonNode? Of(object? value) => JsonSerializer.SerializeToNode(value);
}
