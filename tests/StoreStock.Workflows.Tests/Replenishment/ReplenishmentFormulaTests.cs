using System.Net;
using System.Text.Json;
using Dapper;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Workflows.Tests.Replenishment;

/// <summary>
/// The suggestion on constructed cases, through the preview endpoint. The test clock is on 2026-11-20 (China), so the
/// 7-day window is 11-13..11-19 and the 30-day window 10-21..11-19; today's sales do not count yet.
/// </summary>
public sealed class ReplenishmentFormulaTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly ReplenishmentKit _kit = new(app);

    [Fact]
    public async Task The_suggestion_weights_7_and_30_day_sales_over_lead_time_and_review_period_plus_safety_stock()
    {
        var shop = await _kit.ShopAsync();
        var floor = shop.Store.SellingLocationId;
        var product = await _kit.ProductAsync(shop, cost: 4, openingStock: 100, safetyStock: 5, leadTimeDays: 2);
        await StoreOverrideAsync(shop, product, leadTimeDays: 4);
        var today = _kit.Today;
        await _kit.SellAsync(floor, product, 14, today.AddDays(-1));   // in both windows
        await _kit.SellAsync(floor, product, 30, today.AddDays(-20));  // in the 30-day window only
        await _kit.SellAsync(floor, product, 2, today);                // today: not counted yet
        await _kit.SellAsync(floor, product, 50, today.AddDays(-31));  // older than 30 days

        // average = 0.6 × 14/7 + 0.4 × 44/30 = 1.2 + 0.58667 = 1.78667 a day; over 4 (store's lead time) + 1 (review) days
        // = 8.93333; + safety 5 = 13.93333; − available (100 − 14 − 30 − 2 − 50 = 4) = 9.93333 → rounded up to 10.
        var line = await SuggestionAsync(shop, product);
        Assert.Equal(10m, line.GetProperty("suggestedQuantity").GetDecimal());
        Assert.Equal(14m, line.GetProperty("sold7").GetDecimal());
        Assert.Equal(44m, line.GetProperty("sold30").GetDecimal());
        Assert.Equal(1.7867m, line.GetProperty("averageDailySales").GetDecimal());
        Assert.Equal(4, line.GetProperty("leadTimeDays").GetInt32());
        Assert.Equal(1, line.GetProperty("reviewPeriodDays").GetInt32());
        Assert.Equal(4m, line.GetProperty("available").GetDecimal());
        Assert.Equal(shop.Store.BackroomLocationId, line.GetProperty("locationId").GetInt32());
    }

    [Fact]
    public async Task The_seasonal_factor_of_the_category_and_month_scales_demand_and_the_order_multiple_rounds_up()
    {
        var shop = await _kit.ShopAsync();
        var floor = shop.Store.SellingLocationId;
        var product = await _kit.ProductAsync(shop, cost: 4, openingStock: 50, safetyStock: 5, leadTimeDays: 2, orderMultiple: 6);
        var category = await OwnCategoryAsync(product);
        var today = _kit.Today;
        await _kit.SellAsync(floor, product, 14, today.AddDays(-1));
        await _kit.SellAsync(floor, product, 30, today.AddDays(-20));

        // Without a factor: 1.78667 × (2 + 1) + 5 − 6 = 4.36 → one multiple of 6.
        Assert.Equal(6m, (await SuggestionAsync(shop, product)).GetProperty("suggestedQuantity").GetDecimal());

        var (status, body) = await (await app.HqAsync()).PutAsync("/api/seasonal-factors", new
        {
            factors = new object[]
            {
                new { category, month = today.Month, factor = 1.5m },
                new { category, month = today.Month % 12 + 1, factor = 9m },   // next month: no effect now
            },
        });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Contains(body.EnumerateArray(), f => f.GetProperty("category").GetString() == category && f.GetProperty("factor").GetDecimal() == 1.5m);

        // With 1.5: 2.68 × 3 = 8.04; + 5 − 6 = 7.04 → 7.04 / 6 rounded up = 2 multiples = 12.
        var line = await SuggestionAsync(shop, product);
        Assert.Equal(1.5m, line.GetProperty("seasonalFactor").GetDecimal());
        Assert.Equal(2.68m, line.GetProperty("averageDailySales").GetDecimal());
        Assert.Equal(12m, line.GetProperty("suggestedQuantity").GetDecimal());
    }

    [Fact]
    public async Task Enough_stock_suggests_nothing_and_in_transit_and_on_order_are_subtracted()
    {
        var shop = await _kit.ShopAsync();
        var plenty = await _kit.ProductAsync(shop, cost: 3, openingStock: 500, safetyStock: 5);
        var short_ = await _kit.ProductAsync(shop, cost: 3, openingStock: 1, safetyStock: 20);
        Assert.Null(await SuggestionOrNullAsync(shop, plenty));
        Assert.Equal(19m, (await SuggestionAsync(shop, short_)).GetProperty("suggestedQuantity").GetDecimal());

        await app.WriteMovesAsync([new StockMove(shop.Store.SellingLocationId, short_, MoveKind.TransferShip, 0, InTransitDelta: 4)]);
        var line = await SuggestionAsync(shop, short_);
        Assert.Equal(4m, line.GetProperty("inTransit").GetDecimal());
        Assert.Equal(15m, line.GetProperty("suggestedQuantity").GetDecimal());

        // The run's draft puts 15 on order: nothing more is suggested; the manager cuts it to 10, so 5 are again.
        var instanceId = await _kit.RunAsync(shop);
        Assert.Null(await SuggestionOrNullAsync(shop, short_));
        var card = (await app.InstanceAsync(instanceId)).Card("confirm").GetProperty("id").GetGuid();
        var (status, body) = await _kit.CompleteAsync(shop.Manager, card, new[] { new { productId = short_, quantity = 10 } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        line = await SuggestionAsync(shop, short_);
        Assert.Equal(10m, line.GetProperty("onOrder").GetDecimal());
        Assert.Equal(5m, line.GetProperty("suggestedQuantity").GetDecimal());
    }

    [Fact]
    public async Task Bad_seasonal_factors_are_refused_naming_each_field_and_change_nothing()
    {
        var product = await app.Org.ProductAsync();
        var category = await OwnCategoryAsync(product.Id);
        var hq = await app.HqAsync();
        var (status, body) = await hq.PutAsync("/api/seasonal-factors", new
        {
            factors = new object[]
            {
                new { category, month = 3, factor = 0m },
                new { category, month = 13, factor = 1.2m },
                new { category = "NO-SUCH", month = 4, factor = 1.2m },
                new { category, month = 5, factor = 10.5m },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["factors[0].factor", "factors[1].month", "factors[2].category", "factors[3].factor"], body.ErrorFields().Order(StringComparer.Ordinal));
        var (_, factors) = await hq.GetJsonAsync("/api/seasonal-factors");
        Assert.DoesNotContain(factors.EnumerateArray(), f => f.GetProperty("category").GetString() == category);

        var (forbidden, _) = await (await app.ClientAsync(app.ManagerA)).PutAsync("/api/seasonal-factors", new { factors = new[] { new { category, month = 3, factor = 1.2m } } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    private async Task<JsonElement> SuggestionAsync(ReplenishmentKit.Shop shop, int productId) =>
        await SuggestionOrNullAsync(shop, productId) ?? throw new Xunit.Sdk.XunitException($"no suggestion for product {productId}");

    private async Task<JsonElement?> SuggestionOrNullAsync(ReplenishmentKit.Shop shop, int productId)
    {
        var (status, lines) = await (await app.ClientAsync(shop.Manager)).GetJsonAsync($"/api/replenishment/suggestions?store={shop.Store.Code}");
        Assert.True(status == HttpStatusCode.OK, lines.ToString());
        return lines.EnumerateArray().Where(l => l.GetProperty("productId").GetInt32() == productId).Select(l => (JsonElement?)l).SingleOrDefault();
    }

    private async Task StoreOverrideAsync(ReplenishmentKit.Shop shop, int productId, int leadTimeDays)
    {
        await using var c = await app.Db.OpenConnectionAsync();
        await c.ExecuteAsync("insert into store_product_policy (store_id, product_id, lead_time_days) values (@store, @productId, @leadTimeDays)",
            new { store = shop.Store.Id, productId, leadTimeDays });
    }

    /// <summary>Moves the product into a category of its own, so a seasonal factor touches no other test's products.</summary>
    private async Task<string> OwnCategoryAsync(int productId)
    {
        var code = $"SEASON-{productId}";
        await using var c = await app.Db.OpenConnectionAsync();
        await c.ExecuteAsync(
            "with c as (insert into category (code, name) values (@code, @code) returning id) update product set category_id = (select id from c) where id = @productId",
            new { code, productId });
        return code;
    }
}
