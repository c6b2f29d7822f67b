using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace StoreStock.Host.Api;

/// <summary>
/// Turns unreadable requests (malformed JSON, wrong types, too large) into problem details that say which field
/// and why, instead of a bare 400 or a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, reason) = bad.InnerException switch
        {
            JsonException json => (JsonField(json.Path), "is not valid JSON for this field: " + FirstSentence(json.Message)),
            _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => ("body", "is larger than the limit for this endpoint"),
            _ => ("body", bad.Message),
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                Detail = $"{field}: {reason}",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } },
            },
        });
    }

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
