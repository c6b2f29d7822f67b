using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StoreStock.WeCom;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>
/// The host on Kestrel with its embedded WeCom simulator (WeCom:BaseUrl empty) and short client retry delays and timeout. Tests
/// that share it run one after another (<see cref="WeComSimCollection"/>) and reset the simulator first.
/// </summary>
public sealed class WeComSimApp : StoreStockApp
{
    private HttpClient? _http;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(SimulatorApi.Settings(base.Settings))
    {
        ["WeCom:Client:Timeout"] = "00:00:02",
        // These tests use the click's response code themselves; StoreStock's callback endpoint refuses every body, so
        // its processor never spends the code on a card that is not one of its tasks.
        ["WeCom:Callback:MaxBodyBytes"] = "1",
    };

    public HttpClient Http => _http ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public WeComOptions WeCom => Services.GetRequiredService<IOptions<WeComOptions>>().Value;

    /// <summary>
    /// A client as the host registers it (its named HttpClient, the host's clock and retry settings) but with a token
    /// cache of its own, so every test starts without a token; change adjusts a copy of the host's WeCom options.
    /// </summary>
    public WeComClient NewClient(Action<WeComOptions>? change = null)
    {
        var app = new WeComOptions
        {
            CorpId = WeCom.CorpId, AgentId = WeCom.AgentId, Secret = WeCom.Secret, Token = WeCom.Token,
            EncodingAESKey = WeCom.EncodingAESKey, BaseUrl = WeCom.BaseUrl, Users = new(WeCom.Users, StringComparer.Ordinal),
        };
        change?.Invoke(app);
        var options = Options.Create(app);
        return new WeComClient(
            Services.GetRequiredService<IHttpClientFactory>().CreateClient(WeComClient.HttpClientName),
            new WeComTokenCache(Clock),
            new WeComApiAddress(options, Services.GetRequiredService<IServer>()),
            options,
            Services.GetRequiredService<IOptions<WeComClientOptions>>(),
            Clock,
            NullLogger<WeComClient>.Instance);
    }

    /// <summary>A token from the simulator's gettoken, with the host's own corp id and secret.</summary>
    public async Task<string> TokenAsync()
    {
        var reply = await GetTokenAsync(WeCom.CorpId, WeCom.Secret);
        Assert.Equal(0, reply.GetProperty("errcode").GetInt32());
        return reply.GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> GetTokenAsync(string corpId, string secret)
    {
        var (_, body) = await Http.GetJsonAsync($"/wecom-sim/cgi-bin/gettoken?corpid={Uri.EscapeDataString(corpId)}&corpsecret={Uri.EscapeDataString(secret)}");
        return body;
    }

    /// <summary>POSTs a body to a WeCom API path (e.g. "message/send"): a string as it is, anything else as WeCom JSON.</summary>
    public async Task<JsonElement> CgiAsync(string path, string? token, object body)
    {
        var json = body as string ?? JsonSerializer.Serialize(body, WeComJson.Options);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri($"/wecom-sim/cgi-bin/{path}?access_token={Uri.EscapeDataString(token ?? "")}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public Task<JsonElement> SendAsync(string token, string json) => CgiAsync("message/send", token, json);

    /// <summary>Sends as the host's app (agentid filled in, as the client does).</summary>
    public Task<JsonElement> SendAsync(string token, AppMessage message) => CgiAsync("message/send", token, message with { AgentId = WeCom.AgentId });
}

[CollectionDefinition(Name)]
public sealed class WeComSimCollection : ICollectionFixture<WeComSimApp>
{
    public const string Name = "WeCom simulator host";
}

/// <summary>Base of the tests on the shared host: each starts from a reset simulator.</summary>
[Collection(WeComSimCollection.Name)]
public abstract class WeComSimTests(WeComSimApp app) : IAsyncLifetime
{
    protected WeComSimApp App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static int ErrCode(JsonElement reply) => reply.GetProperty("errcode").GetInt32();
}
