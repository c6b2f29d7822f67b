using System.Text.Json;

namespace StoreStock.Workflows.Tests.Replenishment;

/// <summary>The daily run is a Quartz cron trigger at 06:00 China time, fired when the test clock passes it.</summary>
public sealed class DailyReplenishmentTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly ReplenishmentKit _kit = new(app);

    [Fact]
    public async Task The_daily_run_drafts_an_order_per_store_in_need_once_the_clock_passes_six_in_the_morning()
    {
        var shop = await _kit.ShopAsync();
        var product = await _kit.ProductAsync(shop, cost: 3, openingStock: 1, safetyStock: 10);
        var quiet = await _kit.ShopAsync();
        await _kit.ProductAsync(quiet, cost: 3, openingStock: 100, safetyStock: 10);
        Assert.Empty(await _kit.OrdersAsync(shop));
        // The clock starts at 10:00 on 11-20 (China); the next run is 06:00 on 11-21.
        var sixAm = new DateTimeOffset(_kit.Today.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(8));
        app.AdvanceTo(sixAm - TimeSpan.FromMinutes(1));
        await Task.Delay(WorkflowProbes.QuietPeriod);
        Assert.Empty(await _kit.OrdersAsync(shop));

        app.AdvanceTo(sixAm + TimeSpan.FromMinutes(1));
        await WorkflowProbes.UntilAsync(async () => (await _kit.OrdersAsync(shop)).Count == 1, "the daily run's purchase order");
        var order = await _kit.OrderOfAsync(shop);
        Assert.Equal("draft", order.GetProperty("status").GetString());
        Assert.Equal("daily", order.GetProperty("trigger").GetString());
        Assert.Equal(_kit.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), order.GetProperty("runDay").GetString());
        Assert.Equal(9m, ReplenishmentKit.Line(order, product, "suggestedQuantity"));
        Assert.Equal("suspended", (await app.InstanceAsync(order.GetProperty("instanceId").GetGuid())).Status());

        await WorkflowProbes.UntilAsync(async () => await _kit.InstancesAsync(quiet.Store.Id) == 1, "the quiet store's run");
        Assert.Empty(await _kit.OrdersAsync(quiet));
        Assert.Equal(1, await _kit.InstancesAsync(shop.Store.Id));
    }
}
