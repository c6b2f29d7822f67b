using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using StoreStock.TestSupport;
using Xunit.Abstractions;

namespace StoreStock.Inventory.Tests.Catalog;

public sealed class ProductImportTests(StoreStockApp app, ITestOutputHelper output) : IClassFixture<StoreStockApp>
{
    private static readonly string[] ChineseHeaders =
        ["商品编码", "商品名称", "规格", "单位", "分类", "进价", "售价", "保质期(天)", "条码", "低库存线", "积压天数", "安全库存", "补货周期(天)", "订货倍数"];

    [Fact]
    public async Task Csv_with_bom_and_chinese_headers_imports()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var (sku1, sku2) = (CatalogTestData.Sku("IMP"), CatalogTestData.Sku("IMP"));
        var (a, b, c) = (CatalogTestData.Ean13(), CatalogTestData.Ean13(), CatalogTestData.Ean13());
        var file = TestSheets.Csv(
        [
            ChineseHeaders,
            [sku1, "康师傅红烧牛肉面", "105g", "袋", category, "2.35", "4.5", "180", $"{a}；{b}", "10", "40", "5", "3", "12"],
            [sku2, "现烤法棍", "", "根", category, "3", "8", "", c, "", "", "", "", ""],
        ]);

        using var response = await hq.UploadAsync("/api/import/products", file, "商品.csv");

        var summary = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, summary.GetProperty("rows").GetInt32());
        Assert.Equal(2, summary.GetProperty("created").GetInt32());
        var noodles = await hq.GetJsonAsync($"/api/products/{sku1}");
        Assert.Equal("康师傅红烧牛肉面", noodles.GetProperty("name").GetString());
        Assert.Equal(2.35m, noodles.GetProperty("costPrice").GetDecimal());
        Assert.Equal(180, noodles.GetProperty("shelfLifeDays").GetInt32());
        Assert.Equal(12m, noodles.GetProperty("orderMultiple").GetDecimal());
        Assert.Equal(new[] { a, b }.Order(), noodles.GetProperty("barcodes").EnumerateArray().Select(x => x.GetProperty("code").GetString()).Order());
        var baguette = await hq.GetJsonAsync($"/api/products/by-barcode/{c}");
        Assert.Equal(30, baguette.GetProperty("overstockDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, baguette.GetProperty("spec").ValueKind);
    }

    [Fact]
    public async Task Csv_without_bom_with_english_headers_and_a_gb18030_csv_from_chinese_excel_import()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var english = CatalogTestData.Sku("ENG");
        var plain = TestSheets.Csv(
        [
            ["SKU", "Name", "Unit", "Category", "CostPrice", "SalePrice", "Barcodes"],
            [english, "Sparkling water", "bottle", category, "1.2", "3", CatalogTestData.Ean13()],
        ], withBom: false);
        using var first = await hq.UploadAsync("/api/import/products", plain, "products.csv");
        await first.JsonAsync(HttpStatusCode.OK);

        var gbk = CatalogTestData.Sku("GBK");
        var text = $"商品编码,商品名称,单位,分类,进价,售价,条码\r\n{gbk},龙井绿茶,盒,{category},35,68,{CatalogTestData.Ean13()}\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var second = await hq.UploadAsync("/api/import/products", Encoding.GetEncoding("GB18030").GetBytes(text), "茶叶.csv");
        await second.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Sparkling water", (await hq.GetJsonAsync($"/api/products/{english}")).GetProperty("name").GetString());
        Assert.Equal("龙井绿茶", (await hq.GetJsonAsync($"/api/products/{gbk}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Xlsx_built_with_openxml_imports()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku("XLS");
        var barcode = CatalogTestData.Ean13();
        var file = TestSheets.Xlsx(
        [
            ChineseHeaders,
            [sku, "蒙牛纯牛奶", "250ml*16", "箱", category, 42.5m, 3.3, 21, barcode, 2, 30, 1, 2, 1],
        ]);

        using var response = await hq.UploadAsync("/api/import/products", file, "商品.xlsx");

        Assert.Equal(1, (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("created").GetInt32());
        var milk = await hq.GetJsonAsync($"/api/products/by-barcode/{barcode}");
        Assert.Equal(sku, milk.GetProperty("sku").GetString());
        Assert.Equal(3.3m, milk.GetProperty("salePrice").GetDecimal());
        Assert.Equal(42.5m, milk.GetProperty("costPrice").GetDecimal());
        Assert.Equal(21, milk.GetProperty("shelfLifeDays").GetInt32());
    }

    [Fact]
    public async Task One_bad_row_among_many_writes_nothing_and_reports_its_row_and_column()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var prefix = "BAD" + CatalogTestData.Next() + "-";
        var rows = new List<object?[]> { ChineseHeaders };
        for (var i = 0; i < 40; i++)
        {
            var cost = i == 25 ? "-3" : "1.5";
            rows.Add([prefix + i, "商品 " + i, "", "个", category, cost, "3", "", CatalogTestData.Ean13(), "", "", "", "", ""]);
        }

        using var response = await hq.UploadAsync("/api/import/products", TestSheets.Csv(rows), "products.csv");

        var problem = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, problem.GetProperty("errorCount").GetInt32());
        var error = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(27, error.GetProperty("row").GetInt32()); // header is row 1, data row 25 (0-based) is row 27
        Assert.Equal("进价", error.GetProperty("column").GetString());
        Assert.Contains("negative", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using var connection = await app.Db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from product where sku like @p", new { p = prefix + "%" }));
    }

    [Fact]
    public async Task Every_problem_in_a_file_is_reported_with_row_and_column()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var owner = CatalogTestData.Sku();
        var taken = CatalogTestData.Ean13();
        await hq.CreateProductAsync(CatalogTestData.Product(owner, category, taken));
        var repeated = CatalogTestData.Ean13();
        var sku = CatalogTestData.Sku("MANY");
        var file = TestSheets.Csv(
        [
            ["商品编码", "名称", "单位", "分类", "成本价", "售价", "条码", "积压天数"],
            [sku + "A", "好", "个", category, "abc", "3", repeated, ""],
            [sku + "B", "", "个", "NO-SUCH", "1", "3", "6901234567891", ""],
            [sku + "C", "好", "个", category, "1", "3", repeated, "0"],
            [sku + "D", "好", "个", category, "1", "3", taken, ""],
            [sku + "E", "好", "个", category, "1", "3", "", ""],
            [sku + "D", "好", "个", category, "1", "3", CatalogTestData.Ean13(), ""],
        ]);

        using var response = await hq.UploadAsync("/api/import/products", file, "p.csv");

        var problem = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("rows").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString()))
            .ToHashSet();
        Assert.Contains((2, "成本价"), errors);
        Assert.Contains((3, "名称"), errors);
        Assert.Contains((3, "分类"), errors);
        Assert.Contains((3, "条码"), errors);
        Assert.Contains((4, "积压天数"), errors);
        Assert.Contains((5, "条码"), errors);
        Assert.Contains((6, "条码"), errors);
        Assert.Contains((7, "商品编码"), errors);
        Assert.DoesNotContain(errors, e => e.Row == 2 && e.Column == "条码");
        await hq.GetJsonAsync($"/api/products/{sku}A", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reimport_updates_by_sku_and_keeps_what_the_file_leaves_out()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku("UPS");
        var barcode = CatalogTestData.Ean13();
        await hq.CreateProductAsync(CatalogTestData.Product(sku, category, barcode));
        var other = CatalogTestData.Sku("UPS");

        var file = TestSheets.Csv(
        [
            ["商品编码", "售价", "补货周期(天)"],
            [sku, "2.8", ""],
        ]);
        using var response = await hq.UploadAsync("/api/import/products", file, "prices.csv");

        var summary = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, summary.GetProperty("updated").GetInt32());
        var product = await hq.GetJsonAsync($"/api/products/{sku}");
        Assert.Equal(2.8m, product.GetProperty("salePrice").GetDecimal());
        Assert.Equal(1.1m, product.GetProperty("costPrice").GetDecimal());
        Assert.Equal(3, product.GetProperty("leadTimeDays").GetInt32());
        Assert.Equal(barcode, Assert.Single(product.GetProperty("barcodes").EnumerateArray()).GetProperty("code").GetString());

        using var newWithoutFields = await hq.UploadAsync("/api/import/products", TestSheets.Csv([["商品编码", "售价"], [other, "1"]]), "p.csv");
        var problem = await newWithoutFields.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var columns = problem.GetProperty("rows").EnumerateArray().Select(e => e.GetProperty("column").GetString()).ToList();
        Assert.Contains("商品名称", columns);
        Assert.Contains("条码", columns);
    }

    [Fact]
    public async Task Files_that_cannot_be_read_or_lack_a_sku_column_are_refused()
    {
        using var hq = await app.HqClientAsync();

        using var xls = await hq.UploadAsync("/api/import/products", [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3], "old.xls");
        await xls.ProblemForFieldAsync(HttpStatusCode.BadRequest, "file");
        using var brokenXlsx = await hq.UploadAsync("/api/import/products", [(byte)'P', (byte)'K', 3, 4, 9, 9, 9], "broken.xlsx");
        await brokenXlsx.ProblemForFieldAsync(HttpStatusCode.BadRequest, "file");
        using var noFile = await hq.PostAsync(new Uri("/api/import/products", UriKind.Relative), new MultipartFormDataContent());
        await noFile.ProblemForFieldAsync(HttpStatusCode.BadRequest, "file");

        using var noSku = await hq.UploadAsync("/api/import/products", TestSheets.Csv([["名称", "售价"], ["x", "1"]]), "p.csv");
        var problem = await noSku.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(1, error.GetProperty("row").GetInt32());
        Assert.Equal("商品编码", error.GetProperty("column").GetString());
    }

    [Fact]
    public async Task Imports_take_files_over_the_one_megabyte_json_limit_while_json_bodies_keep_it()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var prefix = "BIG" + CatalogTestData.Next() + "-";
        var remark = new string('备', 200);
        var rows = new List<object?[]> { new object?[] { "商品编码", "商品名称", "单位", "分类", "进价", "售价", "条码", "备注" } };
        for (var i = 0; i < 2500; i++)
        {
            rows.Add([prefix + i, "商品 " + i, "个", category, "1", "2", CatalogTestData.Ean13(), remark]);
        }

        var file = TestSheets.Csv(rows);
        Assert.True(file.Length > 1024 * 1024);
        using var import = await hq.UploadAsync("/api/import/products", file, "big.csv");
        Assert.Equal(2500, (await import.JsonAsync(HttpStatusCode.OK)).GetProperty("created").GetInt32());

        var tooLarge = CatalogTestData.Product(CatalogTestData.Sku(), category);
        tooLarge["spec"] = new string('x', 1024 * 1024 + 10);
        using var json = await hq.PostAsJsonAsync("/api/products", tooLarge);
        await json.JsonAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Five_thousand_rows_import(string format)
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var prefix = $"BULK{format.ToUpperInvariant()}{CatalogTestData.Next()}-";
        var rows = new List<object?[]> { ChineseHeaders };
        for (var i = 0; i < 5000; i++)
        {
            rows.Add(
            [
                prefix + i.ToString("D4", CultureInfo.InvariantCulture), "批量商品 " + i, "500g", "袋", category,
                1m + (i % 100 / 10m), 2m + (i % 100 / 10m), 90, CatalogTestData.Ean13(), 5, 30, 2, 2, 6,
            ]);
        }

        var file = format == "csv" ? TestSheets.Csv(rows) : TestSheets.Xlsx(rows);
        var stopwatch = Stopwatch.StartNew();
        using var response = await hq.UploadAsync("/api/import/products", file, "bulk." + format);
        var summary = await response.JsonAsync(HttpStatusCode.OK);
        stopwatch.Stop();

        output.WriteLine($"5,000-row {format} product import ({file.Length / 1024} KB): {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(5000, summary.GetProperty("created").GetInt32());
        await using var connection = await app.Db.OpenConnectionAsync();
        Assert.Equal(5000, await connection.ExecuteScalarAsync<long>(
            "select count(*) from product p join product_barcode b on b.product_id = p.id where p.sku like @p", new { p = prefix + "%" }));

        stopwatch.Restart();
        using var again = await hq.UploadAsync("/api/import/products", file, "bulk." + format);
        var unchanged = await again.JsonAsync(HttpStatusCode.OK);
        output.WriteLine($"the same file again (nothing to change): {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(5000, unchanged.GetProperty("unchanged").GetInt32());
    }
}
