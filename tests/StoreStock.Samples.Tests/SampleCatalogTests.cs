using Dapper;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Samples.Tests;

[Collection(FourteenDayChain.Collection)]
public sealed class SampleCatalogTests(FourteenDayChain fixture)
{
    private readonly SeededDatabase _chain = fixture.Chain;

    [Fact]
    public async Task About_three_hundred_products_spread_over_four_categories()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var perCategory = (await c.QueryAsync<(string Code, string Name, int Products)>(
            "select c.code, c.name, count(p.id)::int from category c left join product p on p.category_id = c.id group by c.code, c.name order by c.code")).ToList();
        Assert.Equal(["BAKERY", "DAILY", "DRINKS", "SNACKS"], perCategory.Select(c => c.Code));
        Assert.Equal(["烘焙", "日用品", "饮料", "零食"], perCategory.Select(c => c.Name));
        Assert.All(perCategory, c => Assert.InRange(c.Products, 60, 90));
        Assert.InRange(perCategory.Sum(c => c.Products), 280, 320);
        Assert.Equal(perCategory.Sum(c => c.Products), await c.ExecuteScalarAsync<int>("select count(distinct name) from product"));
    }

    [Fact]
    public async Task Products_have_sku_unit_prices_with_a_margin_and_shelf_life_by_category()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var products = (await c.QueryAsync<(string Sku, string Category, string Unit, string Spec, decimal Cost, decimal Price, int ShelfLife, int LeadTime, decimal Multiple, decimal LowLine, int OverstockDays)>(
            """
            select p.sku, c.code, p.unit, p.spec, p.cost_price, p.sale_price, p.shelf_life_days, p.lead_time_days, p.order_multiple, p.low_stock_line, p.overstock_days
            from product p join category c on c.id = p.category_id
            """)).ToList();
        var prefixes = new Dictionary<string, string> { ["BAKERY"] = "BK", ["DRINKS"] = "DR", ["SNACKS"] = "SN", ["DAILY"] = "DL" };
        var shelfLife = new Dictionary<string, (int Min, int Max)> { ["BAKERY"] = (2, 7), ["DRINKS"] = (180, 540), ["SNACKS"] = (120, 365), ["DAILY"] = (720, 1095) };
        string[] units = ["个", "瓶", "袋", "盒", "包", "条"];
        Assert.All(products, p =>
        {
            Assert.Matches("^" + prefixes[p.Category] + "-[0-9]{4}$", p.Sku);
            Assert.Contains(p.Unit, units);
            Assert.False(string.IsNullOrWhiteSpace(p.Spec));
            Assert.True(p.Cost > 0 && p.Cost < p.Price * 0.8m, $"{p.Sku} cost {p.Cost} price {p.Price}");
            Assert.InRange(p.ShelfLife, shelfLife[p.Category].Min, shelfLife[p.Category].Max);
            Assert.InRange(p.LeadTime, p.Category == "BAKERY" ? 1 : 2, p.Category == "BAKERY" ? 3 : 7);
            Assert.True(p.LowLine > 0, p.Sku);
            Assert.Equal(30, p.OverstockDays);
        });
        Assert.All(products.Where(p => p.Category == "BAKERY"), p => Assert.Equal(1, p.Multiple));
        Assert.Equal([6m, 12m, 24m], products.Where(p => p.Category == "DRINKS").Select(p => p.Multiple).Distinct().Order());
    }

    [Fact]
    public async Task Every_product_has_a_unique_barcode_of_a_valid_kind()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var barcodes = (await c.QueryAsync<(string Barcode, string Kind, int ProductId)>("select barcode, kind, product_id from product_barcode")).ToList();
        Assert.Equal(barcodes.Count, barcodes.Select(b => b.Barcode).Distinct().Count());
        Assert.All(barcodes, b => Assert.Equal(Barcode.Classify(b.Barcode).Kind, b.Kind));
        Assert.All(barcodes.Where(b => b.Kind is "ean13" or "ean8"), b =>
        {
            Assert.True(Barcode.HasValidCheckDigit(b.Barcode), b.Barcode);
            Assert.InRange(int.Parse(b.Barcode[..3], System.Globalization.CultureInfo.InvariantCulture), 690, 695);
        });

        var kinds = barcodes.GroupBy(b => b.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds["ean13"] > 200);
        Assert.InRange(kinds["ean8"], 1, 10);
        Assert.InRange(kinds["internal"], 20, 60);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("select count(*) from product p where not exists (select 1 from product_barcode b where b.product_id = p.id)"));
        Assert.InRange(barcodes.GroupBy(b => b.ProductId).Count(g => g.Count() > 1), 3, 15);
    }

    [Fact]
    public async Task Store_made_bakery_carries_an_internal_code()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var internalCodes = (await c.QueryAsync<(string Barcode, string Category, int ShelfLife)>(
            """
            select b.barcode, c.code, p.shelf_life_days
            from product_barcode b join product p on p.id = b.product_id join category c on c.id = p.category_id
            where b.kind = 'internal'
            """)).ToList();
        Assert.All(internalCodes, b => Assert.Matches("^BK2[0-9]{6}$", b.Barcode));
        Assert.All(internalCodes, b => Assert.Equal(("BAKERY", true), (b.Category, b.ShelfLife <= 3)));
    }

    [Fact]
    public async Task Some_stores_override_the_stock_policy()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var overrides = (await c.QueryAsync<(string Store, decimal? LowLine, decimal DefaultLowLine, int? LeadTime, int DefaultLeadTime, int? OverstockDays)>(
            """
            select s.code, o.low_stock_line, p.low_stock_line, o.lead_time_days, p.lead_time_days, o.overstock_days
            from store_product_policy o join store s on s.id = o.store_id join product p on p.id = o.product_id
            """)).ToList();
        Assert.InRange(overrides.Count, 5, 30);
        Assert.Contains(overrides, o => o.LowLine > o.DefaultLowLine);
        Assert.Contains(overrides, o => o.LeadTime > o.DefaultLeadTime);
        Assert.Contains(overrides, o => o.OverstockDays > 30);
    }
}
