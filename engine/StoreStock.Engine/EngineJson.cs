using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoreStock.Engine;

/// <summary>The one JSON shape the engine stores and serves: camelCase, nulls left out.</summary>
public static class EngineJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
