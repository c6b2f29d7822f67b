namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>
/// Within a business day a check looks only at stock that moved and at pairs whose policy changed: a policy change
/// alone still opens and resolves alerts, and an alert on stock that did not move stays as it is.
/// </summary>
public sealed class AlertRecheckTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task A_low_line_set_or_cleared_by_HQ_is_seen_by_the_next_check_without_any_stock_moving()
    {
        var untouched = await app.ProductWithLowLineAsync(app.StoreA, lowLine: 5, onHand: 2);
        var product = await app.ProductWithStockAsync(3m, (app.StoreA.SellingLocationId, 10));
        await app.CheckAsync();
        Assert.Empty(await app.AlertsAsync(product.Sku, "low_stock"));
        var kept = await app.AlertAsync(untouched.Sku, "low_stock");

        await app.SetLowLineAsync(app.StoreA, product.Sku, 12);
        await app.CheckAsync();
        Assert.Equal("open", (await app.AlertAsync(product.Sku, "low_stock")).Text("status"));
        Assert.Equal(kept.GetProperty("id").GetInt64(), (await app.AlertAsync(untouched.Sku, "low_stock")).GetProperty("id").GetInt64());
        Assert.Equal("open", (await app.AlertAsync(untouched.Sku, "low_stock")).Text("status"));

        using var cleared = await (await app.HqAsync()).DeleteAsync($"/api/stores/{app.StoreA.Code}/policies/{product.Sku}");
        Assert.True(cleared.IsSuccessStatusCode, cleared.StatusCode.ToString());
        await app.CheckAsync();
        Assert.Equal("resolved", (await app.AlertAsync(product.Sku, "low_stock")).Text("status"));
        Assert.Equal("open", (await app.AlertAsync(untouched.Sku, "low_stock")).Text("status"));
    }
}
