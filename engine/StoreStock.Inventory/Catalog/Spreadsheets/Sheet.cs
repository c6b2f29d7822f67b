namespace StoreStock.Inventory.Catalog.Spreadsheets;

public enum SheetFormat
{
    Xlsx,
    Csv,
}

/// <summary>A data row with its row number as the spreadsheet shows it (the header is row 1 in a plain file).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells)
{
    public string? Cell(int index) => index < Cells.Count ? Cells[index] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>The first worksheet of an uploaded file: its header row and the non-blank rows below it.</summary>
public sealed record Sheet(int HeaderRowNumber, IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>Reading gives a sheet, or why the file could not be read at all.</summary>
public sealed record SheetReadResult(Sheet? Sheet, string? Error);
