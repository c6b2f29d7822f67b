using System.Net;
using System.Text.Json;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>What the embedded WeCom simulator shows: each member's phone, its counters, and switching outages.</summary>
public static class Phones
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public sealed record Stats(long SendCalls, long SendsAccepted, long Delivered, long DuplicatesSuppressed, long DroppedOverRateLimit, long UpdatesApplied, long OutageRefusals);

    /// <summary>A member's messages, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> MessagesAsync(this StoreStockApp app, string userId)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.GetJsonAsync($"/wecom-sim/api/users/{Uri.EscapeDataString(userId)}/messages");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.EnumerateArray().ToList();
    }

    /// <summary>The member's template cards (the card as now drawn, with its state and greyed-out text).</summary>
    public static async Task<IReadOnlyList<JsonElement>> CardsAsync(this StoreStockApp app, string userId) =>
        (await app.MessagesAsync(userId)).Where(m => m.GetProperty("card").ValueKind == JsonValueKind.Object).Select(m => m.GetProperty("card")).ToList();

    /// <summary>Polls (real time) until the member's phone holds a message that passes the check.</summary>
    public static async Task<JsonElement> MessageAsync(this StoreStockApp app, string userId, Func<JsonElement, bool> check, string what)
    {
        JsonElement found = default;
        await WorkflowProbes.UntilAsync(async () =>
        {
            found = (await app.MessagesAsync(userId)).FirstOrDefault(check);
            return found.ValueKind == JsonValueKind.Object;
        }, what);
        return found;
    }

    public static async Task<Stats> StatsAsync(this StoreStockApp app)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.GetJsonAsync("/wecom-sim/api/stats");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.Deserialize<Stats>(Web)!;
    }

    /// <summary>mode none | unreachable | busy | ratelimit.</summary>
    public static async Task OutageAsync(this StoreStockApp app, string mode)
    {
        using var client = await app.ClientAsync(null);
        var (status, body) = await client.PostAsync("/wecom-sim/control/outage", new { mode });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    public static string TaskId(this JsonElement card) => card.GetProperty("taskId").GetString()!;

    public static JsonElement Current(this JsonElement card) => card.GetProperty("current");
}
