using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StoreStock.WeComSimulator.Api;

/// <summary>Lenient readers over request JSON: a field of the wrong kind reads as absent, as WeCom ignores it.</summary>
internal static class Json
{
    public static string? Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static int? Int(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    public static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];
}
