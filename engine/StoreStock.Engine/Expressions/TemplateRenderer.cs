using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HandlebarsDotNet;

namespace StoreStock.Engine.Expressions;

/// <summary>A template that does not compile; the message names the reason.</summary>
public sealed class TemplateException(string message, Exception inner) : Exception(message, inner);

/// <summary>Handlebars templates over the instance's variables; compiled once per template text.</summary>
public sealed class TemplateRenderer
{
    private readonly IHandlebars _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    public HandlebarsTemplate<object, object> Compile(string template)
    {
        if (_compiled.TryGetValue(template, out var compiled))
        {
            return compiled;
        }

        try
        {
            compiled = _handlebars.Compile(template);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException($"模板无法编译 (template does not compile): {e.Message}", e);
        }

        return _compiled.GetOrAdd(template, compiled);
    }

    public string Render(string template, JsonObject variables) => Compile(template)(ToPlain(variables) ?? new Dictionary<string, object?>());

    /// <summary>Handlebars reads dictionaries and lists, not JSON nodes.</summary>
    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            // A number beyond decimal's range (1e30) still renders, as a double.
            JsonValueKind.Number => v.TryGetValue<decimal>(out var d) ? d : double.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}
