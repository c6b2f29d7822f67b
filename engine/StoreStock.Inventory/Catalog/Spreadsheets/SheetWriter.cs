namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>A file to download.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Writes a header and rows of text or numbers as .xlsx or .csv.</summary>
public static class SheetWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <param name="rows">Cells are strings, numbers (decimal or int) or null.</param>
    public static ExportFile Write(SheetFormat format, string baseName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows) => format switch
    {
        SheetFormat.Xlsx => new ExportFile(XlsxSheetWriter.Write(baseName, headers, rows), XlsxContentType, baseName + ".xlsx"),
        _ => new ExportFile(CsvSheetWriter.Write(headers, rows), CsvContentType, baseName + ".csv"),
    };

    public static bool TryParseFormat(string? value, out SheetFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "xlsx":
                format = SheetFormat.Xlsx;
                return true;
            case "csv":
                format = SheetFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
