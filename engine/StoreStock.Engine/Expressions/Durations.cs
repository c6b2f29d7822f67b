using System.Globalization;
using System.Xml;

namespace StoreStock.Engine.Expressions;

/// <summary>Durations as definitions write them: ISO 8601 ("PT24H", "P1D") or hh:mm:ss ("24:00:00" is not valid; "1.00:00:00" is).</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return false;
            }
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return false;
        }

        return duration > TimeSpan.Zero;
    }
}
