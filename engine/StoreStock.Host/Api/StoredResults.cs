using StoreStock.Inventory.Shared;

namespace StoreStock.Host.Api;

/// <summary>Writes a stored (possibly replayed) operation answer as the HTTP response.</summary>
public static class StoredResults
{
    public const string ReplayHeader = "Idempotent-Replayed";

    public static IResult ToHttp(this StoredResult result, HttpContext context)
    {
        if (result.Replayed)
        {
            context.Response.Headers[ReplayHeader] = "true";
        }

        return TypedResults.Json(result.Body, statusCode: result.StatusCode,
            contentType: result.StatusCode >= 400 ? "application/problem+json" : "application/json");
    }
}
