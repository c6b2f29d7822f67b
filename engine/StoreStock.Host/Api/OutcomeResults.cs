using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Inventory.Shared;

namespace StoreStock.Host.Api;

/// <summary>Turns service outcomes into HTTP answers: the value, or problem details naming each field and reason.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(Outcome<T> outcome)
        where T : notnull =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problem(outcome);

    /// <summary>201 with the new resource's address, or the problem.</summary>
    public static IResult Created<T>(Outcome<T> outcome, Func<T, string> location)
        where T : notnull =>
        outcome.Value is { } value ? TypedResults.Created(location(value), value) : Problem(outcome);

    public static ProblemHttpResult Problem<T>(Outcome<T> outcome)
        where T : notnull =>
        outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Failure!);

    public static ProblemHttpResult Problem(Failure failure) => failure.Kind switch
    {
        FailureKind.NotFound => Problems.NotFound(failure.Detail),
        FailureKind.Forbidden => Problems.Forbidden(failure.Detail),
        FailureKind.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: failure.Detail,
            extensions: failure.Extra is null ? null : Extensions(failure.Extra)),
        _ => Problems.Conflict(failure.Detail, failure.Extra is null ? null : Extensions(failure.Extra)),
    };

    /// <summary>The details object's properties as problem-details extension members (e.g. "lines" of a shortfall).</summary>
    private static Dictionary<string, object?> Extensions(object extra) =>
        System.Text.Json.JsonSerializer.SerializeToElement(extra, Idempotency.JsonOptions)
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
}
