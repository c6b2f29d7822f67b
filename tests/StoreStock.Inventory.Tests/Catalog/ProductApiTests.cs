using System.Net;
using System.Net.Http.Json;
using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Catalog;

public sealed class ProductApiTests(StoreStockApp app) : IClassFixture<StoreStockApp>
{
    [Fact]
    public async Task Create_then_get_by_sku_and_by_barcode()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var barcode = CatalogTestData.Ean13();

        var created = await hq.CreateProductAsync(CatalogTestData.Product(sku, category, barcode, "BAKE-0001"));

        Assert.Equal(sku, created.GetProperty("sku").GetString());
        Assert.Equal(category, created.GetProperty("categoryCode").GetString());
        Assert.Equal(1.1m, created.GetProperty("costPrice").GetDecimal());
        Assert.Equal(45, created.GetProperty("overstockDays").GetInt32());
        var kinds = created.GetProperty("barcodes").EnumerateArray().ToDictionary(b => b.GetProperty("code").GetString()!, b => b.GetProperty("kind").GetString());
        Assert.Equal("ean13", kinds[barcode]);
        Assert.Equal("internal", kinds["BAKE-0001"]);

        var bySku = await hq.GetJsonAsync($"/api/products/{sku}");
        Assert.Equal(created.GetProperty("name").GetString(), bySku.GetProperty("name").GetString());
        var byBarcode = await hq.GetJsonAsync($"/api/products/by-barcode/{barcode}");
        Assert.Equal(sku, byBarcode.GetProperty("sku").GetString());
        await hq.GetJsonAsync("/api/products/NO-SUCH-SKU", HttpStatusCode.NotFound);
        await hq.GetJsonAsync("/api/products/by-barcode/" + CatalogTestData.Ean13(), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Policy_defaults_apply_when_left_out()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();

        var created = await hq.CreateProductAsync(new
        {
            sku, name = "手工吐司", unit = "袋", categoryCode = category, costPrice = 4.2m, salePrice = 9.9m, barcodes = WeighedItemCodes,
        });

        Assert.Equal(30, created.GetProperty("overstockDays").GetInt32());
        Assert.Equal(0m, created.GetProperty("lowStockLine").GetDecimal());
        Assert.Equal(1m, created.GetProperty("orderMultiple").GetDecimal());
        Assert.Equal(JsonValueKindNull, created.GetProperty("shelfLifeDays").ValueKind);
    }

    [Fact]
    public async Task Update_replaces_fields_keeps_barcodes_when_left_out_and_moves_updated_at()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var otherCategory = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var barcode = CatalogTestData.Ean13();
        var created = await hq.CreateProductAsync(CatalogTestData.Product(sku, category, barcode));
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var update = CatalogTestData.Product(sku, otherCategory);
        update.Remove("barcodes");
        update["salePrice"] = 2.5m;
        update["name"] = "农夫山泉 550ml 新包装";
        using var response = await hq.PutAsJsonAsync($"/api/products/{sku}", update);
        var updated = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2.5m, updated.GetProperty("salePrice").GetDecimal());
        Assert.Equal("农夫山泉 550ml 新包装", updated.GetProperty("name").GetString());
        Assert.Equal(otherCategory, updated.GetProperty("categoryCode").GetString());
        Assert.Equal(barcode, Assert.Single(updated.GetProperty("barcodes").EnumerateArray()).GetProperty("code").GetString());
        Assert.True(updated.GetProperty("updatedAt").GetDateTimeOffset() > created.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Update_of_an_unknown_product_is_404_and_the_sku_cannot_change()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(sku, category));

        using var unknown = await hq.PutAsJsonAsync("/api/products/NOPE-1", CatalogTestData.Product("NOPE-1", category));
        await unknown.JsonAsync(HttpStatusCode.NotFound);
        using var renamed = await hq.PutAsJsonAsync($"/api/products/{sku}", CatalogTestData.Product(sku + "X", category));
        await renamed.ProblemForFieldAsync(HttpStatusCode.BadRequest, "sku");
    }

    [Fact]
    public async Task Search_by_name_fragment_sku_barcode_and_category_with_paging()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var marker = "搜索" + CatalogTestData.Next();
        var skus = new List<string>();
        string? firstBarcode = null;
        for (var i = 0; i < 5; i++)
        {
            var sku = CatalogTestData.Sku("SRCH");
            var barcode = CatalogTestData.Ean13();
            firstBarcode ??= barcode;
            var request = CatalogTestData.Product(sku, category, barcode);
            request["name"] = $"{marker} 酸奶 {i}";
            await hq.CreateProductAsync(request);
            skus.Add(sku);
        }

        var page1 = await hq.GetJsonAsync($"/api/products?name={Uri.EscapeDataString(marker)}&pageSize=2&page=1");
        var page3 = await hq.GetJsonAsync($"/api/products?name={Uri.EscapeDataString(marker)}&pageSize=2&page=3");
        Assert.Equal(5, page1.GetProperty("total").GetInt64());
        Assert.Equal(skus.Take(2), page1.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        Assert.Equal(skus[4], Assert.Single(page3.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());

        var bySku = await hq.GetJsonAsync($"/api/products?sku={skus[2]}");
        Assert.Equal(skus[2], Assert.Single(bySku.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
        var byBarcode = await hq.GetJsonAsync($"/api/products?barcode={firstBarcode}");
        Assert.Equal(skus[0], Assert.Single(byBarcode.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
        var byText = await hq.GetJsonAsync($"/api/products?q={firstBarcode}");
        Assert.Equal(skus[0], Assert.Single(byText.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
        var byCategory = await hq.GetJsonAsync($"/api/products?category={category}&pageSize=200");
        Assert.Equal(5, byCategory.GetProperty("total").GetInt64());

        using var badPage = await hq.GetAsync(new Uri("/api/products?page=0", UriKind.Relative));
        await badPage.ProblemForFieldAsync(HttpStatusCode.BadRequest, "page");
        using var badSize = await hq.GetAsync(new Uri("/api/products?pageSize=500", UriKind.Relative));
        await badSize.ProblemForFieldAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Any_signed_in_user_reads_the_catalog()
    {
        var region = await app.Org.RegionAsync();
        var store = await app.Org.StoreAsync(region);
        var product = await app.Org.ProductAsync();
        using var clerk = await app.ClientAsync(await app.Org.UserAsync(Role.Clerk, storeId: store.Id));

        var found = await clerk.GetJsonAsync($"/api/products/by-barcode/{product.Barcode}");

        Assert.Equal(product.Sku, found.GetProperty("sku").GetString());
        await clerk.GetJsonAsync("/api/categories");
        using var anonymous = await app.ClientAsync(null);
        await anonymous.GetJsonAsync("/api/products", HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Role.Clerk)]
    [InlineData(Role.StoreManager)]
    public async Task Store_staff_cannot_change_the_catalog(string role)
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var existing = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(existing, category));
        var store = await app.Org.StoreAsync(await app.Org.RegionAsync());
        using var staff = await app.ClientAsync(await app.Org.UserAsync(role, storeId: store.Id));
        var sku = CatalogTestData.Sku();

        using var create = await staff.PostAsJsonAsync("/api/products", CatalogTestData.Product(sku, category));
        using var update = await staff.PutAsJsonAsync($"/api/products/{existing}", CatalogTestData.Product(existing, category));
        using var addBarcode = await staff.PostAsJsonAsync($"/api/products/{existing}/barcodes", new { barcode = CatalogTestData.Ean13() });
        using var newCategory = await staff.PostAsJsonAsync("/api/categories", new { code = "NOPE" + CatalogTestData.Next(), name = "不行" + CatalogTestData.Next() });
        using var policy = await staff.PutAsJsonAsync($"/api/stores/{store.Code}/policies/{existing}", new { lowStockLine = 1 });
        using var import = await staff.UploadAsync("/api/import/products", TestSheets.Csv([["商品编码"], [sku]]), "p.csv");

        foreach (var response in new[] { create, update, addBarcode, newCategory, policy, import })
        {
            var problem = await response.JsonAsync(HttpStatusCode.Forbidden);
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
        }

        await hq.GetJsonAsync($"/api/products/{sku}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Barcodes_can_be_added_and_removed_but_not_the_last_one()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var first = CatalogTestData.Ean13();
        await hq.CreateProductAsync(CatalogTestData.Product(sku, category, first));
        var second = CatalogTestData.Ean13();

        using var added = await hq.PostAsJsonAsync($"/api/products/{sku}/barcodes", new { barcode = second });
        Assert.Equal(2, (await added.JsonAsync(HttpStatusCode.OK)).GetProperty("barcodes").GetArrayLength());
        using var addedAgain = await hq.PostAsJsonAsync($"/api/products/{sku}/barcodes", new { barcode = second });
        Assert.Equal(2, (await addedAgain.JsonAsync(HttpStatusCode.OK)).GetProperty("barcodes").GetArrayLength());

        using var removed = await hq.DeleteAsync(new Uri($"/api/products/{sku}/barcodes/{first}", UriKind.Relative));
        Assert.Equal(second, Assert.Single((await removed.JsonAsync(HttpStatusCode.OK)).GetProperty("barcodes").EnumerateArray()).GetProperty("code").GetString());
        using var removeLast = await hq.DeleteAsync(new Uri($"/api/products/{sku}/barcodes/{second}", UriKind.Relative));
        await removeLast.JsonAsync(HttpStatusCode.Conflict);
        using var removeUnknown = await hq.DeleteAsync(new Uri($"/api/products/{sku}/barcodes/{first}", UriKind.Relative));
        await removeUnknown.JsonAsync(HttpStatusCode.NotFound);
        await hq.GetJsonAsync($"/api/products/by-barcode/{second}");
    }

    [Fact]
    public async Task Categories_are_listed_and_a_taken_code_is_a_conflict()
    {
        using var hq = await app.HqClientAsync();
        var code = await hq.CategoryAsync();

        using var again = await hq.PostAsJsonAsync("/api/categories", new { code = code.ToLowerInvariant(), name = "另一个名字" + CatalogTestData.Next() });
        await again.ProblemForFieldAsync(HttpStatusCode.Conflict, "code");
        using var invalid = await hq.PostAsJsonAsync("/api/categories", new { code = "有 空格", name = "" });
        await invalid.ProblemForFieldAsync(HttpStatusCode.BadRequest, "name");
        var list = await hq.GetJsonAsync("/api/categories");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Writes_record_nothing_when_refused()
    {
        using var hq = await app.HqClientAsync();
        await using var connection = await app.Db.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<long>("select count(*) from product");

        using var response = await hq.PostAsJsonAsync("/api/products", new { sku = CatalogTestData.Sku(), name = "x" });

        await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await connection.ExecuteScalarAsync<long>("select count(*) from product"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static readonly string[] WeighedItemCodes = ["2000123"];
}
