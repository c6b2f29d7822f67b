using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Host.Api.Catalog;

/// <summary>Turns catalog outcomes into HTTP answers: the value, or problem details naming each field and reason.</summary>
public static class CatalogResults
{
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(CatalogOutcome<T> outcome)
        where T : notnull =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problem(outcome);

    public static ProblemHttpResult Problem<T>(CatalogOutcome<T> outcome)
        where T : notnull =>
        outcome.Errors is { } errors ? Problem(errors) : Problem(outcome.Failure!);

    /// <summary>400 for bad input; 409 when the only problems are clashes with existing data (a taken SKU or barcode).</summary>
    public static ProblemHttpResult Problem(FieldErrors errors)
    {
        var byField = errors.ByField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        var detail = string.Join("; ", errors.ByField.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}")));
        if (errors.IsConflict)
        {
            return Problems.Conflict(detail, new Dictionary<string, object?> { ["errors"] = byField });
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = detail,
        });
    }

    public static ProblemHttpResult Problem(CatalogFailure failure) => failure.Kind switch
    {
        CatalogFailureKind.NotFound => Problems.NotFound(failure.Detail),
        CatalogFailureKind.Forbidden => Problems.Forbidden(failure.Detail),
        _ => Problems.Conflict(failure.Detail),
    };

    /// <summary>A 400 naming one field, for request parts the services never see (query strings, uploads).</summary>
    public static ProblemHttpResult Invalid(string field, string reason)
    {
        var errors = new FieldErrors();
        errors.Add(field, reason);
        return Problem(errors);
    }
}
