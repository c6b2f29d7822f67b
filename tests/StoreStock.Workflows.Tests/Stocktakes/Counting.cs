using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Workflows.Tests.Stocktakes;

/// <summary>What the people of a stocktake do through the API: start a count, count lines, submit, decide; and a till sale meanwhile.</summary>
public sealed class Counting(WorkflowsApp app)
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public async Task<HttpClient> As(string user) => _clients.TryGetValue(user, out var client) ? client : _clients[user] = await app.ClientAsync(user);

    public static object Listed(params TestOrg.ProductRow[] products) => new { kind = "products", ids = products.Select(p => p.Id).ToArray() };

    /// <summary>Starts an ad-hoc count as the user and returns the stocktake.</summary>
    public async Task<JsonElement> StartAsync(string user, TestOrg.StoreRow store, object scope, bool blind = false, string? countDeadline = null, string? missedAfter = null)
    {
        var (status, body) = await (await As(user)).PostAsync("/api/stocktakes", new { storeCode = store.Code, scope, blind, countDeadline, missedAfter });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<JsonElement> GetAsync(string user, string number)
    {
        var (status, body) = await (await As(user)).GetJsonAsync($"/api/stocktakes/{number}");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TryCountAsync(string user, string number, params (string Sku, decimal Counted)[] lines) =>
        await (await As(user)).PutAsync($"/api/stocktakes/{number}/counts", new { lines = lines.Select(l => new { sku = l.Sku, counted = l.Counted }) });

    public async Task CountAsync(string user, string number, params (string Sku, decimal Counted)[] lines)
    {
        var (status, body) = await TryCountAsync(user, number, lines);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>The open card the activity issued last, once it is there.</summary>
    public async Task<Guid> OpenCardAsync(Guid instanceId, string activityId)
    {
        var detail = await app.EventuallyAsync(instanceId,
            d => d.Cards(activityId).Any(c => c.CardStatus() == "open"), $"an open {activityId} card");
        return detail.Cards(activityId).Last(c => c.CardStatus() == "open").GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> CompleteAsync(string user, Guid taskId, string outcome, object? payload = null)
    {
        var (status, body) = await (await As(user)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome, payload });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>A clerk presses Submit on the count card.</summary>
    public async Task SubmitAsync(string clerk, Guid instanceId) => await CompleteAsync(clerk, await OpenCardAsync(instanceId, "count"), "Submit");

    /// <summary>The approver of the current level decides on the variance.</summary>
    public async Task DecideAsync(string approver, Guid instanceId, string outcome) =>
        await CompleteAsync(approver, await OpenCardAsync(instanceId, "approve"), outcome, new { comment = outcome == "Reject" ? "请复盘" : "同意" });

    /// <summary>A till sale recorded through the ledger while the count runs (POS is a fact: it is always recorded).</summary>
    public Task SaleAsync(int locationId, int productId, decimal quantity) =>
        app.WriteMovesAsync([new StockMove(locationId, productId, MoveKind.Sale, -quantity, Channel: "pos")], "test:pos");

    public static JsonElement Line(JsonElement stocktake, string sku) =>
        stocktake.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku);

    public static Guid InstanceOf(JsonElement stocktake) => stocktake.GetProperty("instanceId").GetGuid();

    public static string NumberOf(JsonElement stocktake) => stocktake.GetProperty("number").GetString()!;
}
