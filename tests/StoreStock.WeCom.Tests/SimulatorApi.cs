using System.Net;
using System.Text.Json;
using StoreStock.WeComSimulator.Phone;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeCom.Tests;

/// <summary>
/// The embedded WeCom simulator as every fixture here reaches it: the settings that point the host at it with short
/// waits, each member's phone, its counters, outages, clicks and the callbacks they posted.
/// </summary>
public static class SimulatorApi
{
    /// <summary>
    /// The host's settings plus the embedded simulator (WeCom:BaseUrl empty), a 10 ms busy back-off and delivery
    /// polled every 100 ms.
    /// </summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?> settings) => new(settings)
    {
        ["WeCom:BaseUrl"] = "",
        ["WeCom:Client:RetryDelay"] = "00:00:00.010",
        ["WeCom:Delivery:PollInterval"] = "00:00:00.100",
    };

    public static string MessagesPath(string userId) => $"/wecom-sim/api/users/{Uri.EscapeDataString(userId)}/messages";

    /// <summary>A member's messages (by WeCom userid), oldest first.</summary>
    public static Task<List<MessageView>> MessagesAsync(this StoreStockApp app, string userId) => app.GetAsync<List<MessageView>>(MessagesPath(userId));

    public static Task<SimulatorStats> StatsAsync(this StoreStockApp app) => app.GetAsync<SimulatorStats>("/wecom-sim/api/stats");

    public static Task<List<CallbackView>> CallbacksAsync(this StoreStockApp app) => app.GetAsync<List<CallbackView>>("/wecom-sim/api/callbacks");

    /// <summary>
    /// Makes the simulated WeCom API fail (mode none | unreachable | busy | ratelimit | invalidtoken | html | timeout |
    /// lostreply) for the next calls, or until set to none; abort drops the connection instead of answering 503.
    /// </summary>
    public static async Task OutageAsync(this StoreStockApp app, string mode, int? calls = null, bool abort = false)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.PostAsync("/wecom-sim/control/outage", new { mode, calls, abort });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>Forgets every token, task id, phone, callback and counter, and clears the outage.</summary>
    public static async Task ResetAsync(this StoreStockApp app)
    {
        using var client = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/wecom-sim/control/reset")).Status);
    }

    /// <summary>Taps a button on a member's simulated phone: the simulator seals and posts the click to the host's callback URL.</summary>
    public static async Task<(HttpStatusCode Status, ClickResult? Result, string Body)> ClickAsync(this StoreStockApp app, string userId, string taskId, string key)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.PostAsync($"/wecom-sim/api/users/{Uri.EscapeDataString(userId)}/click", new { taskId, key });
        return (status, status == HttpStatusCode.OK ? body.Deserialize<ClickResult>(JsonSerializerOptions.Web) : null, body.ToString());
    }

    /// <summary>Posts a callback again exactly as before, as WeCom does when it missed the answer.</summary>
    public static async Task<ClickResult> ReplayAsync(this StoreStockApp app, long callbackId)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.PostAsync($"/wecom-sim/api/callbacks/{callbackId}/replay");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.Deserialize<ClickResult>(JsonSerializerOptions.Web)!;
    }

    /// <summary>A GET of the simulator's JSON, read with the web defaults the simulator writes with.</summary>
    public static async Task<T> GetAsync<T>(this StoreStockApp app, string path)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.GetJsonAsync(path);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.Deserialize<T>(JsonSerializerOptions.Web)!;
    }
}
