using Dapper;
using StoreStock.Workflows.Alerts;
using StoreStock.Workflows.Tests.Replenishment;

namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>With Alerts:StartReplenishmentOnLowStock on, a new low-stock alert starts its store's replenishment, once.</summary>
public sealed class LowStockReplenishmentTests(LowStockReplenishmentTests.App app) : IClassFixture<LowStockReplenishmentTests.App>
{
    [Fact]
    public async Task A_low_stock_alert_drafts_the_stores_purchase_order_and_a_second_one_starts_nothing_more()
    {
        var kit = new ReplenishmentKit(app);
        var shop = await kit.ShopAsync();
        var running = await kit.ProductAsync(shop, cost: 5m, openingStock: 2, safetyStock: 10);
        var other = await kit.ProductAsync(shop, cost: 5m, openingStock: 1, safetyStock: 6);
        await SetLowLineAsync(shop.Store.Id, running, 5);

        await app.CheckAsync();

        var order = await kit.OrderOfAsync(shop);
        Assert.Equal("draft", order.GetProperty("status").GetString());
        Assert.Equal(StartReplenishmentOnLowStock.Trigger, order.GetProperty("trigger").GetString());
        var line = order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("productId").GetInt32() == running);
        Assert.Equal(8m, line.GetProperty("suggestedQuantity").GetDecimal());   // safety stock 10 − available 2, no sales yet

        await SetLowLineAsync(shop.Store.Id, other, 5);
        await app.CheckAsync();
        Assert.Single(await kit.OrdersAsync(shop));
        Assert.Equal(1, await kit.InstancesAsync(shop.Store.Id));
    }

    private async Task SetLowLineAsync(int storeId, int productId, decimal lowLine)
    {
        await using var c = await app.Db.OpenConnectionAsync();
        await c.ExecuteAsync("insert into store_product_policy (store_id, product_id, low_stock_line) values (@storeId, @productId, @lowLine)",
            new { storeId, productId, lowLine });
    }

    public sealed class App : WorkflowsApp
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Alerts:StartReplenishmentOnLowStock"] = "true" };
    }
}
