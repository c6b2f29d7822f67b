using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Inventory.Shared;

namespace StoreStock.Host.Api;

/// <summary>Problem-details answers (RFC 9457) that name the field and the reason.</summary>
public static class Problems
{
    /// <summary>400 for bad input; 409 when the only problems are clashes with existing data (a taken SKU or barcode).</summary>
    public static ProblemHttpResult Invalid(FieldErrors errors)
    {
        var byField = errors.ByField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        if (errors.IsConflict)
        {
            return Conflict(errors.Describe(), new Dictionary<string, object?> { ["errors"] = byField });
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = errors.Describe(),
        });
    }

    /// <summary>A 400 naming one field, for request parts the services never see (query strings, uploads).</summary>
    public static ProblemHttpResult Invalid(string field, string reason) => Invalid(FieldErrors.Of(field, reason));

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: what);

    public static ProblemHttpResult Forbidden(string why) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your scope or role.", detail: why);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail, extensions: extensions);
}
