namespace StoreStock.Common;

/// <summary>
/// Every problem with a request, by field name. A request whose only problems are conflicts with existing data
/// (a taken SKU or barcode) is a conflict; anything else is bad input.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private int _invalid;
    private int _conflicts;

    public bool Any => _byField.Count > 0;

    public int Count => _invalid + _conflicts;

    public bool IsConflict => _conflicts > 0 && _invalid == 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _byField;

    public void Add(string field, string reason)
    {
        _invalid++;
        Append(field, reason);
    }

    public void AddConflict(string field, string reason)
    {
        _conflicts++;
        Append(field, reason);
    }

    /// <summary>Checks an external id: required, at most 64 characters of letters, digits and - _ . :</summary>
    public void RequireExternalId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        else if (value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            Add(field, "must be 1–64 letters, digits or - _ . :");
        }
    }

    /// <summary>"field: reason; field: reason", for a problem's detail line.</summary>
    public string Describe() => string.Join("; ", _byField.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}")));

    public static FieldErrors Of(string field, string reason)
    {
        var errors = new FieldErrors();
        errors.Add(field, reason);
        return errors;
    }

    private void Append(string field, string reason)
    {
        if (!_byField.TryGetValue(field, out var reasons))
        {
            reasons = [];
            _byField[field] = reasons;
        }

        reasons.Add(reason);
    }
}
