using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Purchasing;
using StoreStock.Inventory.Replenishment;

namespace StoreStock.Workflows.Tests.Replenishment;

/// <summary>The whole-chain entry point the benchmark times: one suggestion statement over all stores, one write of the drafts.</summary>
public sealed class ReplenishmentBatchTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly ReplenishmentKit _kit = new(app);

    [Fact]
    public async Task One_run_over_all_stores_drafts_an_order_per_store_in_need_and_a_second_run_that_day_drafts_none()
    {
        var east = await _kit.ShopAsync();
        var south = await _kit.ShopAsync(app.SouthRegion);
        var quiet = await _kit.ShopAsync();
        var eastProduct = await _kit.ProductAsync(east, cost: 2, openingStock: 1, safetyStock: 10);
        await _kit.ProductAsync(east, cost: 2, openingStock: 1, safetyStock: 5);
        await _kit.ProductAsync(south, cost: 3, openingStock: 2, safetyStock: 10);
        await _kit.ProductAsync(quiet, cost: 3, openingStock: 50, safetyStock: 10);

        var first = await RunAllAsync();
        Assert.Equal([east.Store.Id, south.Store.Id], first.Select(o => o.StoreId).Order());
        Assert.Equal(2 * 9m + 2 * 4m, first.Single(o => o.StoreId == east.Store.Id).TotalValue);
        var order = await _kit.OrderAsync(first.Single(o => o.StoreId == east.Store.Id).Number);
        Assert.Equal("draft", order.GetProperty("status").GetString());
        Assert.Equal("benchmark", order.GetProperty("trigger").GetString());
        Assert.Equal(9m, ReplenishmentKit.Line(order, eastProduct, "suggestedQuantity"));
        Assert.Equal(2, order.GetProperty("lines").GetArrayLength());

        Assert.Empty(await RunAllAsync());
        Assert.Single(await _kit.OrdersAsync(east));
        Assert.Empty(await _kit.OrdersAsync(quiet));
    }

    private async Task<IReadOnlyList<DraftedOrder>> RunAllAsync()
    {
        var planner = app.Services.GetRequiredService<ReplenishmentPlanner>();
        await using var connection = await app.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var lines = await planner.SuggestAsync(connection, transaction, null, planner.Today(), default);
        var drafted = await app.Services.GetRequiredService<PurchaseOrderDrafts>().WriteAsync(
            connection, transaction, lines, planner.Today(), "benchmark", null, "test:batch", default);
        await transaction.CommitAsync();
        return drafted;
    }
}
