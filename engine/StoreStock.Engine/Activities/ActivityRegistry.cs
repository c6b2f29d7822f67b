using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using StoreStock.Engine.Definitions;

namespace StoreStock.Engine.Activities;

/// <summary>
/// The activity types a host knows. Modules register their types (the engine's built-ins, later the inventory
/// activities); the registry binds a definition's JSON inputs to typed <see cref="Input{T}"/> properties and
/// describes each type for the designer.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public void Register(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [Activity] attribute.", nameof(type));
        if (!typeof(Activity).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{type.Name} must derive from Activity and have a parameterless constructor.", nameof(type));
        }

        _types[attribute.Type] = type;
    }

    /// <summary>Registers every activity type of an assembly.</summary>
    public void RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<ActivityAttribute>() is not null))
        {
            Register(type);
        }
    }

    public bool Knows(string type) => _types.ContainsKey(type);

    /// <summary>
    /// Builds the activity for a node. Inputs that are present but not of the declared type are reported in
    /// <paramref name="problems"/> (input name, reason) and left empty.
    /// </summary>
    public Activity? Build(ActivityNode node, List<(string Input, string Reason)> problems)
    {
        if (!_types.TryGetValue(node.Type, out var type))
        {
            return null;
        }

        var activity = (Activity)Activator.CreateInstance(type)!;
        activity.Node = node;
        foreach (var (property, attribute) in InputsOf(type))
        {
            var valueType = property.PropertyType.GetGenericArguments()[0];
            node.Inputs.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out var json);
            var (literal, expression, problem) = Bind(json, valueType, attribute);
            if (problem is not null)
            {
                problems.Add((JsonNamingPolicy.CamelCase.ConvertName(property.Name), problem));
            }

            property.SetValue(activity, Activator.CreateInstance(property.PropertyType, literal, expression));
        }

        return activity;
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors() =>
        _types.Values.Select(Describe).OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal).ToList();

    internal static IEnumerable<(PropertyInfo Property, InputAttribute Attribute)> InputsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Input<>))
            .Select(p => (p, p.GetCustomAttribute<InputAttribute>()!))
            .Where(p => p.Item2 is not null);

    private static (JsonNode? Literal, Expression? Expression, string? Problem) Bind(JsonNode? json, Type valueType, InputAttribute attribute)
    {
        if (json is null)
        {
            return (null, null, null);
        }

        if (json is JsonObject obj && obj.Count == 2 && obj["type"] is JsonValue syntaxNode && obj["value"] is JsonValue valueNode
            && syntaxNode.GetValueKind() == JsonValueKind.String && valueNode.GetValueKind() == JsonValueKind.String)
        {
            var syntax = syntaxNode.GetValue<string>();
            return attribute.Syntaxes.Contains(syntax)
                ? (null, new Expression(syntax, valueNode.GetValue<string>()), null)
                : (null, null, $"does not accept a '{syntax}' expression");
        }

        if (attribute.DefaultSyntax is { } defaultSyntax && json.GetValueKind() == JsonValueKind.String)
        {
            return (null, new Expression(defaultSyntax, json.GetValue<string>()), null);
        }

        try
        {
            _ = json.Deserialize(valueType, EngineJson.Options);
            return (json, null, null);
        }
        catch (JsonException)
        {
            return (null, null, $"must be {TypeName(valueType)}");
        }
    }

    private static ActivityDescriptor Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()!;
        var inputs = InputsOf(type).Select(p => new InputDescriptor(
            JsonNamingPolicy.CamelCase.ConvertName(p.Property.Name),
            TypeName(p.Property.PropertyType.GetGenericArguments()[0]),
            new LocalizedText(p.Attribute.ZhName, p.Attribute.EnName),
            p.Attribute.Required,
            p.Attribute.UiHint,
            p.Attribute.Options,
            p.Attribute.Syntaxes,
            p.Attribute.DefaultSyntax)).ToList();
        var sample = (Activity)Activator.CreateInstance(type)!;
        return new ActivityDescriptor(attribute.Type, attribute.Category, new LocalizedText(attribute.ZhName, attribute.EnName),
            sample.IsBlocking, inputs, attribute.Outcomes, type.GetMethod(nameof(Activity.Outcomes))!.DeclaringType != typeof(Activity));
    }

    /// <summary>The JSON type name a designer shows for an input's CLR type.</summary>
    public static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(int) || type == typeof(decimal) || type == typeof(double) => "number",
        _ when type == typeof(DateTimeOffset) => "datetime",
        _ when type == typeof(JsonNode) => "any",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => $"array of {TypeName(type.GetGenericArguments()[0])}",
        _ => "object",
    };
}
