using System.Net;

namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>An open alert is told again after the interval (24 h by default), not before; acknowledging it stops that.</summary>
public sealed class AlertNotificationTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task An_open_alert_is_notified_again_after_the_interval_and_not_before()
    {
        var product = await app.ProductWithLowLineAsync(app.StoreA, lowLine: 5, onHand: 2);
        var start = app.Clock.GetUtcNow();
        await app.CheckAsync();

        app.AdvanceTo(start.AddHours(23));
        await app.CheckAsync();
        Assert.Single(await app.AlertMessagesAsync(product.Sku, "低库存"));

        app.AdvanceTo(start.AddHours(24).AddMinutes(1));
        await app.CheckAsync();
        var messages = await app.AlertMessagesAsync(product.Sku, "低库存");
        Assert.Equal(2, messages.Count);
        Assert.Equal((app.ManagerA, $"【再次提醒】低库存：测试商品 {product.Sku} 剩 2个 (≤ 5)"), (messages[1].Recipient, messages[1].Title));
    }

    [Fact]
    public async Task An_acknowledged_alert_is_not_notified_again_and_still_resolves_when_stock_arrives()
    {
        var product = await app.ProductWithLowLineAsync(app.StoreB, lowLine: 5, onHand: 2);
        await app.CheckAsync();
        var alert = await app.AlertAsync(product.Sku, "low_stock");
        var manager = await app.ClientAsync(app.ManagerB);

        var (status, acknowledged) = await manager.PostAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}/acknowledge");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("acknowledged", "user:" + app.ManagerB), (acknowledged.Text("status"), acknowledged.Text("acknowledgedBy")));

        app.AdvanceTo(app.Clock.GetUtcNow().AddDays(2));
        await app.CheckAsync();
        Assert.Single(await app.AlertMessagesAsync(product.Sku, "低库存"));

        await app.OpeningStockAsync(app.StoreB.SellingLocationId, product.Id, 20);
        await app.CheckAsync();
        Assert.Equal("resolved", (await app.AlertAsync(product.Sku, "low_stock")).Text("status"));
        var (again, problem) = await manager.PostAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}/acknowledge");
        Assert.True(again == HttpStatusCode.Conflict, problem.ToString());
    }
}
