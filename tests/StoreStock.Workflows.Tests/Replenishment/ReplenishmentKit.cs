using System.Net;
using System.Text.Json;
using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Workflows.Tests.Replenishment;

/// <summary>
/// A store of its own per test (one purchase order per store and day), products with a stock policy, sales on known
/// business days, and the replenishment calls the tests make through the API.
/// </summary>
public sealed class ReplenishmentKit(WorkflowsApp app)
{
    public static readonly TimeZoneInfo China = StoreStock.Inventory.Shared.BusinessDay.China;

    public sealed record Shop(TestOrg.StoreRow Store, string Manager, string Clerk);

    /// <summary>The business day (China) the test clock is on: the run day.</summary>
    public DateOnly Today => StoreStock.Inventory.Shared.BusinessDay.Of(app.Clock.GetUtcNow());

    public async Task<Shop> ShopAsync(int? regionId = null)
    {
        var store = await app.Org.StoreAsync(regionId ?? app.EastRegion);
        return new Shop(store, await app.Org.UserAsync(Role.StoreManager, storeId: store.Id), await app.Org.UserAsync(Role.Clerk, storeId: store.Id));
    }

    /// <summary>A product with its own policy and opening stock on the store's floor.</summary>
    public async Task<int> ProductAsync(Shop shop, decimal cost, decimal openingStock, decimal safetyStock, int leadTimeDays = 2, decimal orderMultiple = 1)
    {
        var product = await app.ProductWithStockAsync(cost, (shop.Store.SellingLocationId, openingStock));
        await using var c = await app.Db.OpenConnectionAsync();
        await c.ExecuteAsync(
            "update product set safety_stock = @safetyStock, lead_time_days = @leadTimeDays, order_multiple = @orderMultiple where id = @id",
            new { id = product.Id, safetyStock, leadTimeDays, orderMultiple });
        return product.Id;
    }

    /// <summary>A till sale at noon (China) of the given day, through the ledger like any sale.</summary>
    public async Task SellAsync(int locationId, int productId, decimal quantity, DateOnly day) =>
        await app.WriteMovesAsync([new StockMove(locationId, productId, MoveKind.Sale, -quantity, Channel: "pos",
            OccurredAt: new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)))]);

    /// <summary>How many replenishment instances the store has had.</summary>
    public async Task<long> InstancesAsync(int storeId)
    {
        await using var c = await app.Db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>("select count(*) from wf_instance where definition_id = 'replenishment' and store_id = @storeId", new { storeId });
    }

    /// <summary>Runs replenishment now for the shop as its manager; returns the started instance.</summary>
    public async Task<Guid> RunAsync(Shop shop)
    {
        var (status, runs) = await (await app.ClientAsync(shop.Manager)).PostAsync("/api/replenishment/runs", new { storeCode = shop.Store.Code });
        Assert.True(status == HttpStatusCode.OK, runs.ToString());
        var run = Assert.Single(runs.EnumerateArray());
        Assert.True(run.GetProperty("instanceId").ValueKind == JsonValueKind.String, run.ToString());
        return run.GetProperty("instanceId").GetGuid();
    }

    /// <summary>The shop's purchase orders as HQ sees them, newest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> OrdersAsync(Shop shop)
    {
        var (status, orders) = await (await app.HqAsync()).GetJsonAsync($"/api/purchase-orders?store={shop.Store.Code}");
        Assert.Equal(HttpStatusCode.OK, status);
        return orders.EnumerateArray().ToList();
    }

    /// <summary>The purchase order with its lines, by number.</summary>
    public async Task<JsonElement> OrderAsync(string number)
    {
        var (status, order) = await (await app.HqAsync()).GetJsonAsync($"/api/purchase-orders/{number}");
        Assert.True(status == HttpStatusCode.OK, order.ToString());
        return order;
    }

    public async Task<JsonElement> OrderOfAsync(Shop shop) => await OrderAsync(Assert.Single(await OrdersAsync(shop)).GetProperty("number").GetString()!);

    public async Task<(HttpStatusCode Status, JsonElement Body)> CompleteAsync(string user, Guid taskId, object lines, string outcome = "Done") =>
        await (await app.ClientAsync(user)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome, payload = new { lines } });

    public static decimal Line(JsonElement order, int productId, string quantity) =>
        order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("productId").GetInt32() == productId).GetProperty(quantity).GetDecimal();
}
