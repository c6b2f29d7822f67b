using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StoreStock.Inventory.Access;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Catalog;

/// <summary>HTTP helpers for the catalog tests: signed-in clients, JSON calls and problem-details checks.</summary>
public static class CatalogHttp
{
    public static async Task<HttpClient> HqClientAsync(this StoreStockApp app) =>
        await app.ClientAsync(await app.Org.UserAsync(Role.HqAdmin));

    public static async Task<string> CategoryAsync(this HttpClient hq, string? code = null)
    {
        code ??= "CAT" + CatalogTestData.Next();
        using var response = await hq.PostAsJsonAsync("/api/categories", new { code, name = "分类 " + code });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    public static async Task<JsonElement> CreateProductAsync(this HttpClient hq, object request)
    {
        using var response = await hq.PostAsJsonAsync("/api/products", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.JsonAsync(expected);
    }

    /// <summary>Asserts a problem-details answer that names the field, and returns its reasons.</summary>
    public static async Task<string[]> ProblemForFieldAsync(this HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var reasons), $"no error for '{field}' in {problem}");
        return reasons.EnumerateArray().Select(r => r.GetString()!).ToArray();
    }

    public static async Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, byte[] file, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        form.Add(part, "file", fileName);
        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }
}
