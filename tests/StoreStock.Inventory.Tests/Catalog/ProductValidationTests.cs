using System.Net;
using System.Net.Http.Json;
using Dapper;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Catalog;

/// <summary>Bad input gets problem details naming the field and the reason, and writes nothing (invariant 9).</summary>
public sealed class ProductValidationTests(StoreStockApp app) : IClassFixture<StoreStockApp>
{
    [Theory]
    [InlineData("6901234567891", "EAN-13")] // check digit should be 2
    [InlineData("96385070", "EAN8")]        // check digit should be 4
    [InlineData("036000291453", "UPCA")]    // check digit should be 2
    public async Task Wrong_check_digit_is_refused_naming_the_barcode(string barcode, string kind)
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();

        using var response = await hq.PostAsJsonAsync("/api/products", CatalogTestData.Product(sku, category, CatalogTestData.Ean13(), barcode));

        var reasons = await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, "barcodes[1]");
        Assert.Contains(reasons, r => r.Contains("check digit", StringComparison.Ordinal) && r.Replace("-", "", StringComparison.Ordinal).Contains(kind.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal));
        await AssertNotCreatedAsync(hq, sku);
    }

    [Theory]
    [InlineData("6901234567892")]
    [InlineData("96385074")]
    [InlineData("036000291452")]
    [InlineData("BREAD-042")]
    [InlineData("20001")]
    public async Task Valid_gs1_codes_and_internal_codes_are_accepted(string barcode)
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();

        var product = await hq.CreateProductAsync(CatalogTestData.Product(CatalogTestData.Sku(), category, barcode));

        Assert.Equal(barcode, Assert.Single(product.GetProperty("barcodes").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_barcode_of_another_product_is_a_conflict_naming_the_field()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var taken = CatalogTestData.Ean13();
        var owner = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(owner, category, taken));
        var sku = CatalogTestData.Sku();

        using var create = await hq.PostAsJsonAsync("/api/products", CatalogTestData.Product(sku, category, taken));
        var reasons = await create.ProblemForFieldAsync(HttpStatusCode.Conflict, "barcodes[0]");
        Assert.Contains(reasons, r => r.Contains(owner, StringComparison.Ordinal));
        await AssertNotCreatedAsync(hq, sku);

        var other = CatalogTestData.Sku();
        await hq.CreateProductAsync(CatalogTestData.Product(other, category));
        using var add = await hq.PostAsJsonAsync($"/api/products/{other}/barcodes", new { barcode = taken });
        await add.ProblemForFieldAsync(HttpStatusCode.Conflict, "barcode");
        using var sameSku = await hq.PostAsJsonAsync("/api/products", CatalogTestData.Product(owner, category));
        await sameSku.ProblemForFieldAsync(HttpStatusCode.Conflict, "sku");
    }

    [Fact]
    public async Task A_barcode_listed_twice_in_one_request_is_refused()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var barcode = CatalogTestData.Ean13();

        using var response = await hq.PostAsJsonAsync("/api/products", CatalogTestData.Product(CatalogTestData.Sku(), category, barcode, barcode));

        await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, "barcodes[1]");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        using var hq = await app.HqClientAsync();
        var sku = CatalogTestData.Sku();
        var request = CatalogTestData.Product(sku, "NO-SUCH-CATEGORY");
        request["name"] = "   ";
        request["costPrice"] = -1m;
        request["salePrice"] = 1.234m;
        request["overstockDays"] = 0;
        request["orderMultiple"] = 0m;
        request["unit"] = new string('箱', 11);

        using var response = await hq.PostAsJsonAsync("/api/products", request);

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "categoryCode", "costPrice", "salePrice", "overstockDays", "orderMultiple", "unit" }, fields);
        await AssertNotCreatedAsync(hq, sku);
    }

    [Theory]
    [InlineData("costPrice", -0.01, "must not be negative")]
    [InlineData("salePrice", 1000000.01, "at most")]
    [InlineData("lowStockLine", -1, "must not be negative")]
    [InlineData("shelfLifeDays", 0, "between")]
    public async Task Out_of_range_numbers_name_the_field(string field, double value, string reason)
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var request = CatalogTestData.Product(sku, category);
        request[field] = value;

        using var response = await hq.PostAsJsonAsync("/api/products", request);

        var reasons = await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, field);
        Assert.Contains(reasons, r => r.Contains(reason, StringComparison.Ordinal));
        await AssertNotCreatedAsync(hq, sku);
    }

    [Fact]
    public async Task Empty_name_is_required()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var request = CatalogTestData.Product(sku, category);
        request["name"] = "";

        using var response = await hq.PostAsJsonAsync("/api/products", request);

        Assert.Contains("is required", await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, "name"));
        await AssertNotCreatedAsync(hq, sku);
    }

    [Fact]
    public async Task Unknown_category_names_the_field()
    {
        using var hq = await app.HqClientAsync();
        var sku = CatalogTestData.Sku();

        using var response = await hq.PostAsJsonAsync("/api/products", CatalogTestData.Product(sku, "NO-SUCH-CATEGORY"));

        var reasons = await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, "categoryCode");
        Assert.Contains(reasons, r => r.Contains("NO-SUCH-CATEGORY", StringComparison.Ordinal));
        await AssertNotCreatedAsync(hq, sku);
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_400_problem_details()
    {
        using var hq = await app.HqClientAsync();
        await using var connection = await app.Db.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<long>("select count(*) from product");

        using var malformed = await hq.PostRawJsonAsync("/api/products", """{ "sku": "BROKEN-1", "name": """);
        var problem = await malformed.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        using var notJson = await hq.PostRawJsonAsync("/api/products", "sku=BROKEN-3");
        await notJson.ProblemForFieldAsync(HttpStatusCode.BadRequest, "body");
        using var wrongType = await hq.PostRawJsonAsync("/api/products", """{ "sku": "BROKEN-2", "costPrice": "cheap" }""");
        await wrongType.ProblemForFieldAsync(HttpStatusCode.BadRequest, "costPrice");

        Assert.Equal(before, await connection.ExecuteScalarAsync<long>("select count(*) from product"));
    }

    [Fact]
    public async Task Missing_barcodes_on_create_is_required()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var request = CatalogTestData.Product(sku, category);
        request.Remove("barcodes");

        using var response = await hq.PostAsJsonAsync("/api/products", request);

        await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, "barcodes");
        await AssertNotCreatedAsync(hq, sku);
    }

    [Fact]
    public async Task Invalid_update_changes_nothing()
    {
        using var hq = await app.HqClientAsync();
        var category = await hq.CategoryAsync();
        var sku = CatalogTestData.Sku();
        var created = await hq.CreateProductAsync(CatalogTestData.Product(sku, category));
        var update = CatalogTestData.Product(sku, category, CatalogTestData.Ean13(), "6901234567891");
        update["salePrice"] = 99m;

        using var response = await hq.PutAsJsonAsync($"/api/products/{sku}", update);

        await response.ProblemForFieldAsync(HttpStatusCode.BadRequest, "barcodes[1]");
        var after = await hq.GetJsonAsync($"/api/products/{sku}");
        Assert.Equal(created.GetProperty("salePrice").GetDecimal(), after.GetProperty("salePrice").GetDecimal());
        Assert.Equal(created.GetProperty("barcodes").ToString(), after.GetProperty("barcodes").ToString());
    }

    private static async Task AssertNotCreatedAsync(HttpClient client, string sku) =>
        await client.GetJsonAsync($"/api/products/{sku}", HttpStatusCode.NotFound);
}
