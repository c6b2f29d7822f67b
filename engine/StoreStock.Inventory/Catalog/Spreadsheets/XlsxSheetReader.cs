using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>Reads the first worksheet of an .xlsx workbook, streaming its rows.</summary>
public static class XlsxSheetReader
{
    /// <summary>A compressed upload can unpack to far more than its size; a part larger than this is refused.</summary>
    private const long MaxCharactersInPart = 100_000_000;

    public static SheetReadResult Read(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbookPart = document.WorkbookPart;
            var firstSheet = workbookPart?.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault();
            if (workbookPart is null || firstSheet?.Id?.Value is not { } partId || workbookPart.GetPartById(partId) is not WorksheetPart worksheetPart)
            {
                return new SheetReadResult(null, "the workbook has no worksheet");
            }

            var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(SharedText).ToArray() ?? [];
            return SheetReader.Assemble(Rows(worksheetPart, sharedStrings));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return new SheetReadResult(null, "is not a readable .xlsx workbook");
        }
    }

    private static IEnumerable<SheetRow> Rows(WorksheetPart worksheetPart, string[] sharedStrings)
    {
        using var reader = OpenXmlReader.Create(worksheetPart);
        var previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int?)row.RowIndex?.Value ?? previous + 1;
            previous = number;
            var cells = new List<string?>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                cells.Add(CellText(cell, sharedStrings));
                position = cells.Count;
            }

            yield return new SheetRow(number, cells);
        }
    }

    private static string? CellText(Cell cell, string[] sharedStrings)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? SharedText(inline) : raw;
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Length
                ? sharedStrings[index]
                : null;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type is null || type == CellValues.Number)
        {
            return NumberText(raw);
        }

        return raw;
    }

    /// <summary>
    /// Excel stores numbers as binary doubles, so 3.3 may arrive as 3.2999999999999998. Converting through decimal keeps
    /// 15 significant digits, which gives back what the user typed; long digit strings (barcodes) survive up to 15 digits.
    /// </summary>
    private static string NumberText(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) < 7.9e27
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : raw;

    private static string SharedText(OpenXmlElement item)
    {
        // Text directly in the item, or in rich-text runs; phonetic hints (rPh) are not part of the value.
        var direct = item.Elements<Text>().Select(t => t.Text);
        var runs = item.Elements<Run>().Select(r => r.Text?.Text ?? "");
        return string.Concat(direct.Concat(runs));
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
