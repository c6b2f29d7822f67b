using System.Text;
using CsvHelper;

namespace StoreStock.Inventory.Catalog.Spreadsheets;

/// <summary>
/// Reads CSV as UTF-8 with or without a byte order mark. Excel on Chinese Windows saves "CSV" in GB18030, so text
/// that is not valid UTF-8 is read as GB18030. Cells that an export protected from running as formulas ('=…) read back as written.
/// </summary>
public static class CsvSheetReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    public static SheetReadResult Read(byte[] content)
    {
        var text = Decode(content);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = DetectSeparator(text),
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        };
        using var reader = CsvReader.FromText(text, options);
        return SheetReader.Assemble(Rows(reader));
    }

    private static IEnumerable<SheetRow> Rows(CsvReader reader)
    {
        while (reader.Read())
        {
            yield return new SheetRow((int)reader.LineNumber, reader.Current.ToArray().Select(CellText.Unescape).ToList());
        }
    }

    /// <summary>Comma, unless the header line has none and has tabs or semicolons (some Excel locales save those).</summary>
    private static char DetectSeparator(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var header = newline < 0 ? text : text[..newline];
        if (header.Contains(',', StringComparison.Ordinal))
        {
            return ',';
        }

        if (header.Contains('\t', StringComparison.Ordinal))
        {
            return '\t';
        }

        return header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
    }

    private static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(content, Encoding.UTF8.Preamble.Length, content.Length - Encoding.UTF8.Preamble.Length);
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.Value.GetString(content);
        }
    }
}
