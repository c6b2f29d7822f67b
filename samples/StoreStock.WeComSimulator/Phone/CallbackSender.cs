using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Client;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Phone;

/// <summary>Posts sealed callbacks to StoreStock: WeComSimulator:CallbackUrl, or this host's own /wecom/callback.</summary>
public sealed class CallbackSender(IHttpClientFactory httpFactory, IServer server, IOptions<WeComSimulatorOptions> options, TimeProvider time)
{
    public const string HttpClientName = "WeComSimulator.Callback";

    /// <summary>WeCom gives a callback 5 seconds before it counts as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public Uri? CallbackUrl() =>
        !string.IsNullOrWhiteSpace(options.Value.CallbackUrl) ? new Uri(options.Value.CallbackUrl)
        : HostAddress.Of(server) is { } self ? new Uri(self, "wecom/callback")
        : null;

    public async Task<CallbackAttempt> PostAsync(PostedCallback callback, CancellationToken ct)
    {
        var http = httpFactory.CreateClient(HttpClientName);
        try
        {
            using var content = new StringContent(callback.Envelope, System.Text.Encoding.UTF8, "text/xml");
            using var response = await http.PostAsync(callback.Url, content, ct);
            return new CallbackAttempt(time.GetUtcNow(), (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new CallbackAttempt(time.GetUtcNow(), 0, e.Message);
        }
    }
}
