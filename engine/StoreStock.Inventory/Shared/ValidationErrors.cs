namespace StoreStock.Inventory.Shared;

/// <summary>Field → reasons, collected over a whole request so the answer lists every problem at once.</summary>
public sealed class ValidationErrors : Dictionary<string, List<string>>
{
    public bool Any => Count > 0;

    public void Add(string field, string reason)
    {
        if (!TryGetValue(field, out var reasons))
        {
            this[field] = reasons = [];
        }

        reasons.Add(reason);
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
}

/// <summary>Thrown by services when input is invalid; the API answers 400 with the fields and reasons.</summary>
public sealed class ValidationFailedException(ValidationErrors errors) : Exception("The request is not valid.")
{
    public ValidationErrors Errors { get; } = errors;
}
