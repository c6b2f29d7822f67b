namespace StoreStock.Samples;

/// <summary>
/// One brand's item in one or more variants (flavours, kinds) and pack sizes. Every variant × spec becomes a product
/// named "brand variant spec"; the price is the shelf price in yuan.
/// </summary>
internal sealed record SampleProductLine(string Brand, string Unit, IReadOnlyList<string> Variants, IReadOnlyList<(string Spec, decimal Price)> Specs, bool StoreMade);

internal static partial class SampleProductLines
{
    private static SampleProductLine Line(string brand, string unit, string[] variants, params (string Spec, decimal Price)[] specs) =>
        new(brand, unit, variants, specs, StoreMade: false);

    /// <summary>Baked in the store: no brand, no GS1 barcode, an internal code on the label instead.</summary>
    private static SampleProductLine BakedInStore(string unit, string[] variants, params (string Spec, decimal Price)[] specs) =>
        new("", unit, variants, specs, StoreMade: true);
}
