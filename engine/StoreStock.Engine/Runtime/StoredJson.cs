using System.Text.Json.Nodes;

namespace StoreStock.Engine.Runtime;

/// <summary>
/// A variable's value as an instance holds it: parsed JSON, as a later step will load it. A value built in code (an
/// int approval level, a DateTimeOffset, a start input made of CLR values) then reads the same to templates and scripts
/// in this step as in the next.
/// </summary>
internal static class StoredJson
{
    public static JsonNode? Of(JsonNode? value) => value is null ? null : JsonNode.Parse(value.ToJsonString());
}
