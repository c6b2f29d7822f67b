namespace StoreStock.Common;

/// <summary>Why an operation did nothing, when it was not the input's fault; <see cref="Extra"/> carries details such as short lines.</summary>
public sealed record Failure(FailureKind Kind, string Detail, object? Extra = null)
{
    public static Failure NotFound(string what) => new(FailureKind.NotFound, what);

    public static Failure Forbidden(string why) => new(FailureKind.Forbidden, why);

    public static Failure Conflict(string why, object? extra = null) => new(FailureKind.Conflict, why, extra);
}

public enum FailureKind
{
    NotFound,
    Forbidden,
    Conflict,

    /// <summary>The request as a whole cannot be carried out as it stands (a definition that does not validate); <see cref="Failure.Extra"/> lists why.</summary>
    Invalid,
}

/// <summary>The result of an operation: a value, the input's problems, or a failure.</summary>
public sealed class Outcome<T>
    where T : notnull
{
    private Outcome(T? value, FieldErrors? errors, Failure? failure)
    {
        Value = value;
        Errors = errors;
        Failure = failure;
    }

    public T? Value { get; }

    public FieldErrors? Errors { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Errors is null && Failure is null;

    /// <summary>The problems of an outcome that did not succeed, carried over to an outcome of another type.</summary>
    public Outcome<TOther> FailedAs<TOther>()
        where TOther : notnull =>
        Errors is { } errors ? errors : Failure ?? throw new InvalidOperationException("The outcome succeeded; it has no problems to carry over.");

    /// <summary>Why an outcome did not succeed, in one line (the failure's detail, or every field error); for logs and incidents.</summary>
    public string Problem() =>
        Failure?.Detail ?? Errors?.Describe() ?? throw new InvalidOperationException("The outcome succeeded; it has no problem to describe.");

    public static implicit operator Outcome<T>(T value) => new(value, null, null);

    public static implicit operator Outcome<T>(FieldErrors errors) => new(default, errors, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, null, failure);
}
