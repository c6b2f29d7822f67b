namespace StoreStock.Inventory.Catalog.Import;

/// <summary>A column of an import or export file: the field it carries, its Chinese and English headers and other accepted headers.</summary>
public sealed record ColumnSpec(string Field, string Chinese, string English, params string[] Aliases)
{
    public IEnumerable<string> AcceptedHeaders => Aliases.Prepend(English).Prepend(Chinese);

    public string Header(HeaderLanguage language) => language == HeaderLanguage.English ? English : Chinese;

    /// <summary>Headers match ignoring case, spaces, full-width brackets and a trailing "*" (the "required" mark of templates).</summary>
    public static string Normalize(string header)
    {
        var chars = header.Trim().TrimEnd('*', '＊').Where(c => !char.IsWhiteSpace(c)).Select(c => c switch
        {
            '（' => '(',
            '）' => ')',
            _ => char.ToLowerInvariant(c),
        });
        return new string(chars.ToArray());
    }
}

public enum HeaderLanguage
{
    Chinese,
    English,
}
