namespace StoreStock.Engine.Activities;

/// <summary>Names an activity type for the registry and the designer's palette.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string category, string zhName, string enName) : Attribute
{
    public string Type { get; } = type;

    public string Category { get; } = category;

    public string ZhName { get; } = zhName;

    public string EnName { get; } = enName;

    /// <summary>The ports every instance of the type has; types with configurable ports override <see cref="Activity.Outcomes"/>.</summary>
    public string[] Outcomes { get; init; } = [Activity.Done];
}

/// <summary>A typed input on an activity, with what the designer needs to draw its field.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute(string zhName, string enName) : Attribute
{
    public string ZhName { get; } = zhName;

    public string EnName { get; } = enName;

    public bool Required { get; init; }

    /// <summary>How the designer edits it: singleline, multiline, code, template, dropdown, role, user, duration, form, levels, cases, list, json.</summary>
    public string UiHint { get; init; } = "singleline";

    /// <summary>The choices of a dropdown.</summary>
    public string[]? Options { get; init; }

    /// <summary>Which expression kinds the field accepts besides a literal ("js", "template").</summary>
    public string[] Syntaxes { get; init; } = [];

    /// <summary>The expression kind a bare string means (Decision's condition is JavaScript without saying so).</summary>
    public string? DefaultSyntax { get; init; }
}
