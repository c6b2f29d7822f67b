using System.Net;
using System.Text.Json;
using StoreStock.TestSupport;

namespace StoreStock.Host.Tests;

public sealed class HealthTests(StoreStockApp app) : IClassFixture<StoreStockApp>
{
    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = await app.ClientAsync(null);
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        using var client = await app.ClientAsync(null);
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/auth/sign-in", out _));
    }

    [Fact]
    public async Task Api_without_credentials_is_401()
    {
        using var client = await app.ClientAsync(null);
        using var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
