using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StoreStock.TestSupport;

/// <summary>JSON requests that hand back the status and the parsed body, problem details included.</summary>
public static class HttpJson
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient client, string path, object? body = null)
    {
        using var response = body is null
            ? await client.PostAsync(new Uri(path, UriKind.Relative), null)
            : await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await ReadAsync(response);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await ReadAsync(response);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>The fields named in a problem-details "errors" object.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];

    private static async Task<(HttpStatusCode, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
