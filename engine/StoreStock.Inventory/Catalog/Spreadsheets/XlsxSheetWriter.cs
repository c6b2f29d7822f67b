using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>
/// Writes a one-sheet workbook, streaming the rows. Text is written as inline strings (codes keep their leading
/// zeros), numbers as numbers; the header is bold and stays in view when scrolling.
/// </summary>
public static class XlsxSheetWriter
{
    private const uint BoldStyle = 1;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteWorksheet(worksheetPart, headers, rows);
            workbookPart.Workbook.AppendChild(new Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = 1,
                Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
            }));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void WriteWorksheet(WorksheetPart worksheetPart, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var writer = OpenXmlWriter.Create(worksheetPart);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(headers.Select((h, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(h.Length * 2.5, 10, 40),
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, headers.Cast<object?>().ToArray(), BoldStyle);
        var number = 1u;
        foreach (var row in rows)
        {
            WriteRow(writer, ++number, row, null);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, object?[] cells, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
            {
                continue;
            }

            var reference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            var cell = value is decimal or int or long
                ? new Cell { CellReference = reference, CellValue = new CellValue(CellText.Format(value)!), DataType = CellValues.Number }
                : new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(CellText.Format(value) ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                };
            if (style is { } styleIndex)
            {
                cell.StyleIndex = styleIndex;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>0 → "A", 26 → "AA".</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The smallest stylesheet Excel accepts, plus a bold font for the header row.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
