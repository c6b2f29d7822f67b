using System.Globalization;
using StoreStock.Inventory.Catalog.Spreadsheets;

namespace StoreStock.Inventory.Catalog.Import;

/// <summary>Reads typed values from one row, reporting a cell that does not parse under its column's header.</summary>
public sealed class RowReader(SheetRow row, ColumnLayout layout, ImportErrors errors)
{
    private static readonly char[] ListSeparators = [';', '；', ',', '，', '|', '、', ' ', '\t', '\n', '\r'];

    private readonly HashSet<string> _failedFields = new(StringComparer.Ordinal);

    public int Number => row.Number;

    /// <summary>Fields whose cell did not parse; their problem is already reported.</summary>
    public IReadOnlySet<string> FailedFields => _failedFields;

    public string? Text(string field) => layout.Cell(row, field);

    public decimal? Numeric(string field)
    {
        var text = layout.Cell(row, field);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(NormalizeNumber(text), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Fail(field, $"'{text}' is not a number");
        return null;
    }

    public int? WholeNumber(string field)
    {
        var text = layout.Cell(row, field);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(NormalizeNumber(text), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        Fail(field, $"'{text}' is not a whole number");
        return null;
    }

    /// <summary>Several values in one cell, separated by ; , | 、 (half- or full-width) or spaces.</summary>
    public IReadOnlyList<string>? List(string field) =>
        layout.Cell(row, field)?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Fail(string field, string reason)
    {
        _failedFields.Add(field);
        errors.Add(row.Number, layout.Header(field), reason);
    }

    /// <summary>Full-width digits and signs as typed with a Chinese input method, and a currency sign, are accepted.</summary>
    private static string NormalizeNumber(string text)
    {
        var chars = text
            .Where(c => c is not ('¥' or '￥' or ' '))
            .Select(c => c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '－' => '-',
                '，' => ',',
                _ => c,
            });
        return new string(chars.ToArray());
    }
}
