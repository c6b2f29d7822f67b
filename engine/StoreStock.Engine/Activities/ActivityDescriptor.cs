namespace StoreStock.Engine.Activities;

public sealed record LocalizedText(string ZhCn, string En);

/// <summary>What the designer needs to draw an activity type: palette entry, property panel, ports.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    LocalizedText DisplayName,
    bool IsBlocking,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool HasConfigurableOutcomes);

public sealed record InputDescriptor(
    string Name,
    string Type,
    LocalizedText DisplayName,
    bool Required,
    string UiHint,
    IReadOnlyList<string>? Options,
    IReadOnlyList<string> Syntaxes,
    string? DefaultSyntax);
