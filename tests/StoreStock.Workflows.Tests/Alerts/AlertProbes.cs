using System.Net;
using System.Text.Json;
using Dapper;

namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>What alert tests do and read: run the check as HQ, list alerts, the alert messages about one product, a till sale.</summary>
public static class AlertProbes
{
    public sealed record Message(string Recipient, string Title, string Body);

    /// <summary>POST /api/alerts/check as HQ; returns the counts.</summary>
    public static async Task<JsonElement> CheckAsync(this WorkflowsApp app)
    {
        var (status, body) = await (await app.HqAsync()).PostAsync("/api/alerts/check");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>The alerts about one product that the user sees (HQ by default), newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AlertsAsync(this WorkflowsApp app, string sku, string? kind = null, string? user = null)
    {
        var client = user is null ? await app.HqAsync() : await app.ClientAsync(user);
        var (status, body) = await client.GetJsonAsync("/api/alerts?limit=1000" + (kind is null ? "" : "&kind=" + kind));
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.EnumerateArray().Where(a => a.GetProperty("sku").GetString() == sku).ToList();
    }

    /// <summary>The one alert of that kind about the product (HQ's view).</summary>
    public static async Task<JsonElement> AlertAsync(this WorkflowsApp app, string sku, string kind) =>
        Assert.Single(await app.AlertsAsync(sku, kind));

    /// <summary>
    /// Alert messages in the outbox (no instance) about the product whose title starts with the kind's word (低库存,
    /// 负库存, 库存积压, 滞销), reminders included, oldest first. Other kinds may be raised by a scheduled check that runs
    /// while a test sets its product up.
    /// </summary>
    public static async Task<IReadOnlyList<Message>> AlertMessagesAsync(this WorkflowsApp app, string sku, string titleWord)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return (await connection.QueryAsync<Message>(
            "select recipient, title, body from wf_outbox where instance_id is null and kind = 'notify' and body like '%· ' || @sku || ' %' order by id",
            new { sku })).Where(m => m.Title.Replace("【再次提醒】", "", StringComparison.Ordinal).StartsWith(titleWord, StringComparison.Ordinal)).ToList();
    }

    /// <summary>A new product with a store low line set before its opening stock arrives.</summary>
    public static async Task<TestOrg.ProductRow> ProductWithLowLineAsync(this WorkflowsApp app, TestOrg.StoreRow store, decimal lowLine, decimal onHand)
    {
        var product = await app.Org.ProductAsync();
        await app.SetLowLineAsync(store, product.Sku, lowLine);
        await app.OpeningStockAsync(store.SellingLocationId, product.Id, onHand);
        return product;
    }

    public static async Task SetLowLineAsync(this WorkflowsApp app, TestOrg.StoreRow store, string sku, decimal lowLine)
    {
        var (status, body) = await (await app.HqAsync()).PutAsync($"/api/stores/{store.Code}/policies/{sku}", new { lowStockLine = lowLine });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>A till receipt through the POS channel (offline sales are always recorded, even below zero).</summary>
    public static async Task SellAsync(this WorkflowsApp app, TestOrg.StoreRow store, TestOrg.ProductRow product, decimal quantity, DateTimeOffset? at = null)
    {
        var key = await app.Org.ApiKeyAsync(["pos"], [store.Id]);
        using var pos = app.ApiKeyClient(key);
        var (status, body) = await pos.PostAsync("/api/channels/pos/sales", new
        {
            externalId = "R-" + Guid.NewGuid().ToString("N"), storeCode = store.Code, occurredAt = at, lines = new[] { new { code = product.Barcode, quantity } },
        });
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, body.ToString());
    }

    public static decimal Number(this JsonElement alert, string name) => alert.GetProperty(name).GetDecimal();

    public static string Text(this JsonElement alert, string name) => alert.GetProperty(name).GetString()!;
}
