using System.Globalization;
using CsvHelper;

namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>
/// Writes UTF-8 CSV with a byte order mark, which Excel needs to show Chinese text correctly. Text that a spreadsheet
/// would run as a formula gets an apostrophe in front; the CSV reader takes it off again.
/// </summary>
public static class CsvSheetWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader(headers.ToArray());
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    switch (cell)
                    {
                        case decimal number:
                            csv.WriteField(number, CellText.NumberFormat, CultureInfo.InvariantCulture);
                            break;
                        case int number:
                            csv.WriteField(number, "", CultureInfo.InvariantCulture);
                            break;
                        default:
                            csv.WriteField(CellText.Format(cell));
                            break;
                    }
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }
}
