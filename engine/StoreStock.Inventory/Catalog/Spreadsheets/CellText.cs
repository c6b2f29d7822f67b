using System.Globalization;

namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>How numbers appear in exported text: invariant, without trailing zeros, so they read back unchanged.</summary>
public static class CellText
{
    public const string NumberFormat = "0.############";

    public static string? Format(object? value) => value switch
    {
        null => null,
        decimal number => number.ToString(NumberFormat, CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Undoes the apostrophe that CSV export puts before text that a spreadsheet would run as a formula.</summary>
    public static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;
}
