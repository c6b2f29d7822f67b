using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StoreStock.Inventory.Access;
using StoreStock.TestSupport;

namespace StoreStock.Host.Tests;

public sealed class AccessFixture : StoreStockApp
{
    public TestOrg.StoreRow A { get; private set; } = null!;

    public TestOrg.StoreRow B { get; private set; } = null!;

    public TestOrg.StoreRow OtherRegion { get; private set; } = null!;

    public TestOrg.ProductRow Product { get; private set; } = null!;

    public string PosKeyA { get; private set; } = "";

    public Dictionary<string, string> Users { get; } = [];

    protected override async Task SeedAsync()
    {
        var east = await Org.RegionAsync();
        var south = await Org.RegionAsync();
        A = await Org.StoreAsync(east);
        B = await Org.StoreAsync(east);
        OtherRegion = await Org.StoreAsync(south);
        Product = await Org.ProductAsync();
        await OpeningStockAsync(A.SellingLocationId, Product.Id, 100);
        PosKeyA = await Org.ApiKeyAsync(["pos"], [A.Id]);
        Users["hq"] = await Org.UserAsync(Role.HqAdmin);
        Users["east.sup"] = await Org.UserAsync(Role.RegionalSupervisor, regionId: east);
        Users["a.manager"] = await Org.UserAsync(Role.StoreManager, storeId: A.Id);
        Users["a.clerk"] = await Org.UserAsync(Role.Clerk, storeId: A.Id);
    }
}

/// <summary>Invariants 8 and 9: role × scope, and bad input answered with problem details that change nothing.</summary>
public sealed class AccessAndBadInputTests(AccessFixture app) : IClassFixture<AccessFixture>
{
    [Theory]
    // user, store of the document's location, expected status when creating a receipt there
    [InlineData("a.clerk", "A", HttpStatusCode.Created)]
    [InlineData("a.clerk", "B", HttpStatusCode.Forbidden)]
    [InlineData("a.manager", "B", HttpStatusCode.Forbidden)]
    [InlineData("east.sup", "B", HttpStatusCode.Created)]
    [InlineData("east.sup", "Other", HttpStatusCode.Forbidden)]
    [InlineData("hq", "Other", HttpStatusCode.Created)]
    public async Task Receiving_goods_is_limited_to_the_callers_scope(string user, string store, HttpStatusCode expected)
    {
        var client = await app.ClientAsync(app.Users[user]);
        var target = store switch { "A" => app.A, "B" => app.B, _ => app.OtherRegion };
        using var response = await client.PostAsJsonAsync("/api/documents", new { kind = "receipt", locationCode = target.Code + "-F" });
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("a.clerk", "issue", HttpStatusCode.Forbidden)]
    [InlineData("a.clerk", "write_off", HttpStatusCode.Created)]
    [InlineData("a.manager", "issue", HttpStatusCode.Created)]
    public async Task Roles_carry_their_permissions(string user, string kind, HttpStatusCode expected)
    {
        var client = await app.ClientAsync(app.Users[user]);
        using var response = await client.PostAsJsonAsync("/api/documents",
            new { kind, locationCode = app.A.Code + "-F", reason = kind == "write_off" ? "expired" : null });
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("a.clerk", 1)]
    [InlineData("east.sup", 2)]
    [InlineData("hq", 3)]
    public async Task Store_lists_follow_the_scope(string user, int visibleOfOurStores)
    {
        var client = await app.ClientAsync(app.Users[user]);
        var stores = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stores", UriKind.Relative))).RootElement;
        var ours = new[] { app.A.Code, app.B.Code, app.OtherRegion.Code };
        Assert.Equal(visibleOfOurStores, stores.EnumerateArray().Count(s => ours.Contains(s.GetProperty("code").GetString())));
    }

    [Fact]
    public async Task Api_key_of_store_A_cannot_sell_at_store_B()
    {
        using var client = app.ApiKeyClient(app.PosKeyA);
        using var response = await client.PostAsJsonAsync("/api/channels/pos/sales",
            new { externalId = "scope-1", storeCode = app.B.Code, lines = new[] { new { code = app.Product.Barcode, quantity = 1 } } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"externalId\":\"b1\",\"storeCode\":\"@A\",\"lines\":[{\"code\":\"@P\",\"quantity\":0}]}", "lines[0].quantity")]
    [InlineData("{\"externalId\":\"b2\",\"storeCode\":\"@A\",\"lines\":[{\"code\":\"@P\",\"quantity\":-3}]}", "lines[0].quantity")]
    [InlineData("{\"externalId\":\"b3\",\"storeCode\":\"@A\",\"lines\":[{\"code\":\"@P\",\"quantity\":99999999}]}", "lines[0].quantity")]
    [InlineData("{\"externalId\":\"b4\",\"storeCode\":\"@A\",\"lines\":[{\"code\":\"6901234567891\",\"quantity\":1}]}", "lines[0].code")]
    [InlineData("{\"externalId\":\"b5\",\"storeCode\":\"@A\",\"lines\":[{\"code\":\"@TYPO\",\"quantity\":1}]}", "lines[0].code")]
    [InlineData("{\"externalId\":\"b6\",\"storeCode\":\"NOPE\",\"lines\":[{\"code\":\"@P\",\"quantity\":1}]}", "storeCode")]
    [InlineData("{\"externalId\":\"b7\",\"storeCode\":\"@A\",\"lines\":[]}", "lines")]
    [InlineData("{\"externalId\":\"b8\",\"storeCode\":\"@A\",\"lines\":[{\"code\":\"@P\",\"quantity\":\"two\"}]}", "lines[0].quantity")]
    [InlineData("{\"externalId\":\"b9\",\"storeCode\":", "storeCode")]
    public async Task Bad_input_gets_problem_details_naming_the_field_and_changes_nothing(string json, string field)
    {
        var typo = app.Product.Barcode[..^1] + (char)('0' + ((app.Product.Barcode[^1] - '0' + 1) % 10));
        json = json.Replace("@A", app.A.Code, StringComparison.Ordinal).Replace("@TYPO", typo, StringComparison.Ordinal).Replace("@P", app.Product.Barcode, StringComparison.Ordinal);
        using var client = app.ApiKeyClient(app.PosKeyA);
        var before = await LedgerProbe.MoveCountAsync(app.Db);

        using var response = await client.PostAsync(new Uri("/api/channels/pos/sales", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await LedgerProbe.MoveCountAsync(app.Db));
    }

    [Fact]
    public async Task A_ten_megabyte_body_is_refused_with_413()
    {
        using var client = app.ApiKeyClient(app.PosKeyA);
        // Ask before sending, as a well-behaved client does, so the refusal arrives before the upload.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var huge = "{\"externalId\":\"big\",\"storeCode\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        var before = await LedgerProbe.MoveCountAsync(app.Db);

        using var response = await client.PostAsync(new Uri("/api/channels/pos/sales", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await LedgerProbe.MoveCountAsync(app.Db));
    }
}
