using System.Net;
using System.Text;
using System.Text.Json;
using StoreStock.Inventory.Access;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Catalog;

public sealed class ExportTests(StoreStockApp app) : IClassFixture<StoreStockApp>
{
    private static readonly string?[] StockHeaders = ["库位编码", "库位名称", "商品编码", "商品名称", "在库", "已预留", "在途", "可用"];

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Exported_products_import_back_without_changing_anything(string format)
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var odd = CatalogTestData.Product(CatalogTestData.Sku("RT"), category, CatalogTestData.Ean13(), CatalogTestData.UpcA(), CatalogTestData.Ean8(), "-CAKE-" + CatalogTestData.Next());
        odd["name"] = "=1+1 \"引号\", 逗号";
        odd["spec"] = null;
        odd["shelfLifeDays"] = null;
        odd["costPrice"] = 0.1m;
        odd["lowStockLine"] = 2.125m;
        await hq.CreateProductAsync(odd);
        for (var i = 0; i < 3; i++)
        {
            await hq.CreateProductAsync(CatalogTestData.Product(CatalogTestData.Sku("RT"), category));
        }

        var before = await ProductsAsync(hq);
        app.Clock.Advance(TimeSpan.FromHours(1));

        using var export = await hq.GetAsync(new Uri($"/api/export/products?format={format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var file = await export.Content.ReadAsByteArrayAsync();
        using var reimport = await hq.UploadAsync("/api/import/products", file, export.Content.Headers.ContentDisposition!.FileName!.Trim('"'));

        var summary = await reimport.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, summary.GetProperty("created").GetInt32());
        Assert.Equal(0, summary.GetProperty("updated").GetInt32());
        Assert.Equal(before.GetArrayLength(), summary.GetProperty("unchanged").GetInt32());
        Assert.Equal(before.ToString(), (await ProductsAsync(hq)).ToString());
    }

    [Fact]
    public async Task Csv_export_has_a_bom_and_chinese_headers_and_english_on_request()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        await hq.CreateProductAsync(CatalogTestData.Product(CatalogTestData.Sku(), category));

        using var response = await hq.GetAsync(new Uri("/api/export/products?format=csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
        Assert.Equal("商品编码,商品名称,规格,单位,分类,进价,售价,保质期(天),条码,低库存线,积压天数,安全库存,补货周期(天),订货倍数", header);

        var english = await hq.GetByteArrayAsync(new Uri("/api/export/products?format=xlsx&headers=en", UriKind.Relative));
        Assert.Equal("SKU", TestSheets.ReadXlsx(english)[0][0]);
        using var badFormat = await hq.GetAsync(new Uri("/api/export/products?format=pdf", UriKind.Relative));
        await badFormat.ProblemForFieldAsync(HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task Stock_export_shows_the_callers_scope_only()
    {
        using var hq = await app.HqClientAsync();
        var region = await app.Org.RegionAsync();
        var own = await app.Org.StoreAsync(region);
        var other = await app.Org.StoreAsync(await app.Org.RegionAsync());
        var product = await app.Org.ProductAsync();
        var opening = TestSheets.Csv(
        [
            ["门店", "商品编码", "数量"],
            [own.Code, product.Sku, "7"],
            [other.Code, product.Sku, "9"],
        ]);
        using var imported = await hq.UploadAsync("/api/import/opening-stock", opening, "o.csv");
        await imported.JsonAsync(HttpStatusCode.OK);
        using var manager = await app.ClientAsync(await app.Org.UserAsync(Role.StoreManager, storeId: own.Id));

        var managerRows = TestSheets.ReadXlsx(await manager.GetByteArrayAsync(new Uri("/api/export/stock", UriKind.Relative)));
        Assert.Equal(StockHeaders, managerRows[0]);
        var data = Assert.Single(managerRows.Skip(1));
        Assert.Equal(own.Code + "-F", data[0]);
        Assert.Equal(product.Sku, data[2]);
        Assert.Equal("7", data[4]);
        Assert.Equal("7", data[7]);

        var hqCsv = Encoding.UTF8.GetString(await hq.GetByteArrayAsync(new Uri($"/api/export/stock?format=csv&location={other.Code}-F", UriKind.Relative)));
        var lines = hqCsv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(other.Code + "-F,", lines[1], StringComparison.Ordinal);

        using var outside = await manager.GetAsync(new Uri($"/api/export/stock?location={other.Code}-F", UriKind.Relative));
        await outside.JsonAsync(HttpStatusCode.Forbidden);
        using var unknown = await hq.GetAsync(new Uri("/api/export/stock?location=NOWHERE", UriKind.Relative));
        await unknown.JsonAsync(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> ProductsAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/products?pageSize=200");
        return page.GetProperty("items");
    }
}
