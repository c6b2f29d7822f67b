namespace StoreStock.Inventory.Catalog;

/// <summary>
/// Barcode kinds and GS1 check digits. EAN-13, EAN-8 and UPC-A must carry a valid check digit; anything else that is
/// 4–32 letters, digits or dashes is an internal code (e.g. weighed bakery items).
/// </summary>
public static class Barcode
{
    public const string Ean13 = "ean13";
    public const string Ean8 = "ean8";
    public const string UpcA = "upca";
    public const string Internal = "internal";

    /// <summary>Classifies a code, or returns an error message in Chinese-and-English-neutral wording.</summary>
    public static (string? Kind, string? Error) Classify(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, "barcode is empty");
        }

        if (code.All(char.IsAsciiDigit) && code.Length is 8 or 12 or 13)
        {
            var kind = code.Length switch { 13 => Ean13, 12 => UpcA, _ => Ean8 };
            return HasValidCheckDigit(code)
                ? (kind, null)
                : (null, $"{kind.ToUpperInvariant()} check digit is wrong (expected {CheckDigit(code[..^1])})");
        }

        if (code.Length is >= 4 and <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            // All-digit codes of GS1 lengths are handled above; other all-digit lengths are treated as internal codes.
            return (Internal, null);
        }

        return (null, "barcode must be EAN-13, EAN-8, UPC-A or an internal code of 4–32 letters, digits or '-'");
    }

    public static bool HasValidCheckDigit(string digits) => CheckDigit(digits[..^1]) == digits[^1] - '0';

    /// <summary>GS1 mod-10: weights 3,1,3,… from the rightmost data digit.</summary>
    public static int CheckDigit(string dataDigits)
    {
        var sum = 0;
        for (var i = 0; i < dataDigits.Length; i++)
        {
            var digit = dataDigits[dataDigits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    public static string WithCheckDigit(string dataDigits) => dataDigits + CheckDigit(dataDigits).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
