namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>Reads an uploaded .xlsx or .csv file, told apart by content first and by the file name's extension second.</summary>
public static class SheetReader
{
    /// <summary>More rows than this in one file is refused; split the file instead.</summary>
    public const int MaxDataRows = 50_000;

    public static SheetReadResult Read(byte[] content, string? fileName)
    {
        if (content.Length == 0)
        {
            return new SheetReadResult(null, "the file is empty");
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (IsZip(content))
        {
            return extension is "" or ".xlsx" or ".xlsm"
                ? XlsxSheetReader.Read(content)
                : new SheetReadResult(null, $"a '{extension}' file that is really a zip archive; upload .xlsx or .csv");
        }

        return extension switch
        {
            ".xlsx" or ".xlsm" => new SheetReadResult(null, "is not a valid .xlsx workbook"),
            ".xls" => new SheetReadResult(null, "old .xls workbooks are not supported; save it as .xlsx or .csv (UTF-8)"),
            "" or ".csv" or ".txt" => CsvSheetReader.Read(content),
            _ => new SheetReadResult(null, $"'{extension}' files are not supported; upload .xlsx or .csv"),
        };
    }

    /// <summary>Drops blank rows and takes the first non-blank row as the header.</summary>
    public static SheetReadResult Assemble(IEnumerable<SheetRow> rows)
    {
        SheetRow? header = null;
        var data = new List<SheetRow>();
        foreach (var row in rows)
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (header is null)
            {
                header = row;
                continue;
            }

            if (data.Count == MaxDataRows)
            {
                return new SheetReadResult(null, $"has more than {MaxDataRows} rows; split it into smaller files");
            }

            data.Add(row);
        }

        if (header is null)
        {
            return new SheetReadResult(null, "has no header row");
        }

        var headers = header.Cells.Select(c => c?.Trim() ?? "").ToList();
        return new SheetReadResult(new Sheet(header.Number, headers, data), null);
    }

    private static bool IsZip(byte[] content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
}
