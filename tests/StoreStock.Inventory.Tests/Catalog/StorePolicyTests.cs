using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StoreStock.Inventory.Access;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Catalog;

public sealed class StorePolicyTests(StoreStockApp app) : IClassFixture<StoreStockApp>
{
    [Fact]
    public async Task Store_override_wins_field_by_field_over_product_defaults_and_clearing_restores_them()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(sku, category));
        var store = await app.Org.StoreAsync(await app.Org.RegionAsync());
        var url = $"/api/stores/{store.Code}/policies/{sku}";

        var before = await hq.GetJsonAsync(url);
        Assert.Equal(12m, Effective(before, "lowStockLine"));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("storeOverride").ValueKind);

        using var set = await hq.PutAsJsonAsync(url, new { lowStockLine = 30m, leadTimeDays = 5 });
        var overridden = await set.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(30m, Effective(overridden, "lowStockLine"));
        Assert.Equal(5m, Effective(overridden, "leadTimeDays"));
        Assert.Equal(45m, Effective(overridden, "overstockDays"));
        Assert.Equal(24m, Effective(overridden, "orderMultiple"));
        Assert.Equal(12m, overridden.GetProperty("productDefault").GetProperty("lowStockLine").GetDecimal());

        var readBack = await hq.GetJsonAsync(url);
        Assert.Equal(30m, Effective(readBack, "lowStockLine"));

        using var cleared = await hq.DeleteAsync(new Uri(url, UriKind.Relative));
        var afterClear = await cleared.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(12m, Effective(afterClear, "lowStockLine"));
        Assert.Equal(3m, Effective(afterClear, "leadTimeDays"));
        Assert.Equal(JsonValueKind.Null, (await hq.GetJsonAsync(url)).GetProperty("storeOverride").ValueKind);
    }

    [Fact]
    public async Task Override_values_are_validated_and_unknown_store_or_product_is_404()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(sku, category));
        var store = await app.Org.StoreAsync(await app.Org.RegionAsync());

        using var negative = await hq.PutAsJsonAsync($"/api/stores/{store.Code}/policies/{sku}", new { safetyStock = -2m, overstockDays = 0 });
        var problem = await negative.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("safetyStock", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("overstockDays", out _));
        Assert.Equal(JsonValueKind.Null, (await hq.GetJsonAsync($"/api/stores/{store.Code}/policies/{sku}")).GetProperty("storeOverride").ValueKind);

        await hq.GetJsonAsync($"/api/stores/NO-STORE/policies/{sku}", HttpStatusCode.NotFound);
        await hq.GetJsonAsync($"/api/stores/{store.Code}/policies/NO-SKU", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Store_staff_read_their_own_store_policy_only_and_cannot_change_it()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(sku, category));
        var region = await app.Org.RegionAsync();
        var own = await app.Org.StoreAsync(region);
        var other = await app.Org.StoreAsync(region);
        using var manager = await app.ClientAsync(await app.Org.UserAsync(Role.StoreManager, storeId: own.Id));

        await manager.GetJsonAsync($"/api/stores/{own.Code}/policies/{sku}");
        await manager.GetJsonAsync($"/api/stores/{other.Code}/policies/{sku}", HttpStatusCode.Forbidden);
        using var put = await manager.PutAsJsonAsync($"/api/stores/{own.Code}/policies/{sku}", new { lowStockLine = 1m });
        await put.JsonAsync(HttpStatusCode.Forbidden);
        using var delete = await manager.DeleteAsync(new Uri($"/api/stores/{own.Code}/policies/{sku}", UriKind.Relative));
        await delete.JsonAsync(HttpStatusCode.Forbidden);
    }

    private static decimal Effective(JsonElement policy, string field) => policy.GetProperty("effective").GetProperty(field).GetDecimal();
}
