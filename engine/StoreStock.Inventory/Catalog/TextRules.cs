using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Text fields are trimmed, bounded in length and kept to one line.</summary>
public static class TextRules
{
    public static string? Required(string field, string? value, int maxLength, FieldErrors errors)
    {
        var text = Optional(field, value, maxLength, errors);
        if (text is null && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }

        return text;
    }

    public static string? Optional(string field, string? value, int maxLength, FieldErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            errors.Add(field, "must not contain line breaks or control characters");
            return null;
        }

        return text;
    }
}
