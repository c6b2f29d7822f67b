namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>Each kind of alert opens once, with one message to the store's manager, and resolves when its condition clears.</summary>
public sealed class AlertKindTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task Low_stock_opens_one_alert_and_one_message_to_the_manager_and_a_second_check_adds_neither()
    {
        var product = await app.ProductWithLowLineAsync(app.StoreA, lowLine: 5, onHand: 3);

        await app.CheckAsync();
        await app.CheckAsync();

        var alert = await app.AlertAsync(product.Sku, "low_stock");
        Assert.Equal(("open", app.StoreA.Code, 3m, 5m), (alert.Text("status"), alert.Text("storeCode"), alert.Number("available"), alert.Number("lowLine")));
        Assert.Empty(await app.AlertsAsync(product.Sku, "overstock"));
        var message = Assert.Single(await app.AlertMessagesAsync(product.Sku, "低库存"));
        Assert.Equal(app.ManagerA, message.Recipient);
        Assert.Equal($"低库存：测试商品 {product.Sku} 剩 3个 (≤ 5)", message.Title);
    }

    [Fact]
    public async Task Receiving_stock_resolves_the_low_stock_alert_and_a_new_shortage_opens_a_new_one()
    {
        var product = await app.ProductWithLowLineAsync(app.StoreA, lowLine: 4, onHand: 1);
        await app.CheckAsync();
        var opened = await app.AlertAsync(product.Sku, "low_stock");

        await app.OpeningStockAsync(app.StoreA.SellingLocationId, product.Id, 10, 2m);
        await app.CheckAsync();

        var resolved = await app.AlertAsync(product.Sku, "low_stock");
        Assert.Equal((opened.GetProperty("id").GetInt64(), "resolved"), (resolved.GetProperty("id").GetInt64(), resolved.Text("status")));
        Assert.Single(await app.AlertMessagesAsync(product.Sku, "低库存"));

        await app.SellAsync(app.StoreA, product, 8);
        await app.CheckAsync();
        var again = await app.AlertsAsync(product.Sku, "low_stock");
        Assert.Equal(["open", "resolved"], again.Select(a => a.Text("status")));
        Assert.Equal(2, (await app.AlertMessagesAsync(product.Sku, "低库存")).Count);
    }

    [Fact]
    public async Task An_offline_sale_below_zero_raises_a_negative_stock_alert()
    {
        var product = await app.ProductWithStockAsync(2m, (app.StoreB.SellingLocationId, 2));

        await app.SellAsync(app.StoreB, product, 5);
        await app.CheckAsync();

        var alert = await app.AlertAsync(product.Sku, "negative_stock");
        Assert.Equal((app.StoreB.Code, -3m), (alert.Text("storeCode"), alert.Number("onHand")));
        var message = Assert.Single(await app.AlertMessagesAsync(product.Sku, "负库存"));
        Assert.Equal((app.ManagerB, $"负库存：测试商品 {product.Sku} 在手 -3个"), (message.Recipient, message.Title));
    }

    [Fact]
    public async Task Stock_far_above_thirty_days_of_sales_suggests_a_promotion_and_a_fast_seller_does_not()
    {
        var slow = await app.ProductWithStockAsync(2m, (app.StoreC.SellingLocationId, 100));
        var fast = await app.ProductWithStockAsync(2m, (app.StoreC.SellingLocationId, 40));
        var now = app.Clock.GetUtcNow();
        for (var day = 1; day <= 10; day++)
        {
            await app.SellAsync(app.StoreC, slow, 1, now.AddDays(-day));
            await app.SellAsync(app.StoreC, fast, 3, now.AddDays(-day));
        }

        // The sales summary is built once per business day: the next day's first check reads this history.
        app.AdvanceTo(now.AddDays(1));
        await app.CheckAsync();

        var alert = await app.AlertAsync(slow.Sku, "overstock");
        Assert.Equal((90m, 0.333m, 30), (alert.Number("onHand"), alert.Number("avgDailySales"), alert.GetProperty("overstockDays").GetInt32()));
        var message = Assert.Single(await app.AlertMessagesAsync(slow.Sku, "库存积压"));
        Assert.Equal(app.ManagerC, message.Recipient);
        Assert.EndsWith("建议促销", message.Title);
        Assert.All(await app.AlertsAsync(fast.Sku, "overstock"), a => Assert.Equal("resolved", a.Text("status")));
    }

    [Fact]
    public async Task Three_days_without_a_sale_while_in_stock_raise_a_no_sale_alert_that_the_next_sale_resolves()
    {
        var product = await app.ProductWithStockAsync(2m, (app.StoreA.SellingLocationId, 20));
        var start = app.Clock.GetUtcNow();
        await app.SellAsync(app.StoreA, product, 1);

        app.AdvanceTo(start.AddDays(2));
        await app.CheckAsync();
        Assert.Empty(await app.AlertsAsync(product.Sku, "no_sale"));

        app.AdvanceTo(start.AddDays(3));
        await app.CheckAsync();
        var alert = await app.AlertAsync(product.Sku, "no_sale");
        Assert.Equal(("open", 3), (alert.Text("status"), alert.GetProperty("daysWithoutSale").GetInt32()));
        var message = Assert.Single(await app.AlertMessagesAsync(product.Sku, "滞销"));
        Assert.Equal((app.ManagerA, $"滞销：测试商品 {product.Sku} 已 3 天无销售"), (message.Recipient, message.Title));

        await app.SellAsync(app.StoreA, product, 1);
        await app.CheckAsync();
        Assert.Equal("resolved", (await app.AlertAsync(product.Sku, "no_sale")).Text("status"));
    }
}
