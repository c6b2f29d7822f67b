namespace StoreStock.Inventory.Catalog;

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
