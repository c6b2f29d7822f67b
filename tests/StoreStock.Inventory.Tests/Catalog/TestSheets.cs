using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StoreStock.Inventory.Tests.Catalog;

/// <summary>Builds upload files the way users make them: CSV from a text editor or Excel, .xlsx as Excel writes it.</summary>
public static class TestSheets
{
    public static byte[] Csv(IEnumerable<IEnumerable<object?>> rows, bool withBom = true)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return withBom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
    }

    /// <summary>An .xlsx with text in the shared string table (as Excel stores it) and numbers as numeric cells.</summary>
    public static byte[] Xlsx(IEnumerable<IEnumerable<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sharedStrings = new List<string>();
            var sheetData = new SheetData();
            uint rowNumber = 0;
            foreach (var row in rows)
            {
                rowNumber++;
                var xmlRow = new Row { RowIndex = rowNumber };
                var column = 0;
                foreach (var value in row)
                {
                    var reference = (char)('A' + column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                    column++;
                    switch (value)
                    {
                        case null:
                            continue;
                        case decimal or int or double:
                            xmlRow.Append(new Cell
                            {
                                CellReference = reference,
                                CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                            });
                            break;
                        default:
                            var text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                            var index = sharedStrings.IndexOf(text);
                            if (index < 0)
                            {
                                sharedStrings.Add(text);
                                index = sharedStrings.Count - 1;
                            }

                            xmlRow.Append(new Cell
                            {
                                CellReference = reference,
                                DataType = CellValues.SharedString,
                                CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)),
                            });
                            break;
                    }
                }

                sheetData.Append(xmlRow);
            }

            var sharedStringPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStringPart.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(sheetData);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = "商品" }));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The cells of the first worksheet of an exported .xlsx, by row, as text.</summary>
    public static List<string?[]> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText : c.CellValue?.Text).ToArray())
            .ToList();
    }

    private static string Quote(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
