using StoreStock.Inventory.Catalog.Spreadsheets;

namespace StoreStock.Inventory.Catalog.Import;

/// <summary>Where each known column is in an uploaded sheet. Unknown columns are ignored.</summary>
public sealed class ColumnLayout
{
    private readonly Dictionary<string, (int Index, string Header)> _byField;
    private readonly IReadOnlyList<ColumnSpec> _specs;

    private ColumnLayout(Dictionary<string, (int Index, string Header)> byField, IReadOnlyList<ColumnSpec> specs)
    {
        _byField = byField;
        _specs = specs;
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell is blank.</summary>
    public string? Cell(SheetRow row, string field)
    {
        if (!_byField.TryGetValue(field, out var column))
        {
            return null;
        }

        var value = row.Cell(column.Index)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The column's header as the file spells it, or its Chinese name when the file lacks it.</summary>
    public string Header(string field) =>
        _byField.TryGetValue(field, out var column) ? column.Header : _specs.First(s => s.Field == field).Chinese;

    public static ColumnLayout Match(Sheet sheet, IReadOnlyList<ColumnSpec> specs, ImportErrors errors)
    {
        var byHeader = specs
            .SelectMany(spec => spec.AcceptedHeaders.Select(header => (Key: ColumnSpec.Normalize(header), spec.Field)))
            .DistinctBy(x => x.Key)
            .ToDictionary(x => x.Key, x => x.Field, StringComparer.Ordinal);
        var byField = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var header = sheet.Headers[i];
            if (!byHeader.TryGetValue(ColumnSpec.Normalize(header), out var field))
            {
                continue;
            }

            if (byField.TryGetValue(field, out var first))
            {
                errors.Add(sheet.HeaderRowNumber, header, $"holds the same data as the column '{first.Item2}'; keep only one of them");
                continue;
            }

            byField[field] = (i, header);
        }

        return new ColumnLayout(byField, specs);
    }
}
