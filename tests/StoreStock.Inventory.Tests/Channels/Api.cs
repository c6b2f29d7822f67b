using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StoreStock.Inventory.Tests.Channels;

/// <summary>Small helpers for posting channel requests and reading problem details.</summary>
public static class Api
{
    public static object Sale(string externalId, string storeCode, params (string Code, decimal Quantity)[] lines) =>
        new { externalId, storeCode, lines = lines.Select(l => new { code = l.Code, quantity = l.Quantity }) };

    public static object Order(string externalId, string storeCode, params (string Code, decimal Quantity)[] lines) =>
        new { externalId, storeCode, lines = lines.Select(l => new { code = l.Code, quantity = l.Quantity }) };

    public static object Voucher(string voucher, string storeCode, params (string Code, decimal Quantity)[] lines) =>
        new { voucher, storeCode, lines = lines.Select(l => new { code = l.Code, quantity = l.Quantity }) };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient client, string path, object? body = null)
    {
        using var response = body is null
            ? await client.PostAsync(new Uri(path, UriKind.Relative), null)
            : await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The fields named in a problem-details "errors" object.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
}
