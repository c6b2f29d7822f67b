namespace StoreStock.Inventory.Catalog;

/// <summary>Why a catalog operation did nothing, when it was not the input's fault.</summary>
public sealed record CatalogFailure(CatalogFailureKind Kind, string Detail)
{
    public static CatalogFailure NotFound(string what) => new(CatalogFailureKind.NotFound, what);

    public static CatalogFailure Forbidden(string why) => new(CatalogFailureKind.Forbidden, why);

    public static CatalogFailure Conflict(string why) => new(CatalogFailureKind.Conflict, why);
}

public enum CatalogFailureKind
{
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>The result of a catalog operation: a value, the input's problems, or a failure.</summary>
public sealed class CatalogOutcome<T>
    where T : notnull
{
    private CatalogOutcome(T? value, FieldErrors? errors, CatalogFailure? failure)
    {
        Value = value;
        Errors = errors;
        Failure = failure;
    }

    public T? Value { get; }

    public FieldErrors? Errors { get; }

    public CatalogFailure? Failure { get; }

    public bool Succeeded => Errors is null && Failure is null;

    public static implicit operator CatalogOutcome<T>(T value) => new(value, null, null);

    public static implicit operator CatalogOutcome<T>(FieldErrors errors) => new(default, errors, null);

    public static implicit operator CatalogOutcome<T>(CatalogFailure failure) => new(default, null, failure);
}
