using System.Text;

namespace StoreStock.WeCom.Delivery;

/// <summary>
/// Cuts text to WeCom's field limits (wecom.md §2.3–2.4): card fields in characters, text and markdown in UTF-8 bytes.
/// A cut never splits a surrogate pair and ends in "…", which counts towards the limit.
/// </summary>
public static class FieldLimits
{
    private const char Ellipsis = '…';

    // Card fields, at the low end of the documented "recommended" ranges.
    public const int MainTitle = 26;
    public const int SubTitleText = 112;
    public const int Keyname = 5;
    public const int Value = 26;
    public const int ButtonText = 10;

    /// <summary>text.content and markdown.content.</summary>
    public const int TextBytes = 2048;

    /// <summary>At most <paramref name="max"/> characters (code points).</summary>
    public static string Chars(string value, int max)
    {
        if (CountRunes(value) <= max)
        {
            return value;
        }

        var kept = new StringBuilder();
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (++count > max - 1)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.Append(Ellipsis).ToString();
    }

    /// <summary>At most <paramref name="maxBytes"/> bytes of UTF-8.</summary>
    public static string Bytes(string value, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(value) <= maxBytes)
        {
            return value;
        }

        var room = maxBytes - Encoding.UTF8.GetByteCount(Ellipsis.ToString());
        var kept = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            room -= rune.Utf8SequenceLength;
            if (room < 0)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.Append(Ellipsis).ToString();
    }

    private static int CountRunes(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
