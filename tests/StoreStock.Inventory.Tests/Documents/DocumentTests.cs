using System.Net;
using System.Text.Json;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Tests.Channels;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Documents;

public sealed class DocumentTests(ChannelFixture app) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task Scan_to_receive_adds_repeated_scans_to_one_line_and_posts_with_moving_average_cost()
    {
        var product = await app.StockedProductAsync(10); // opening cost 3.5
        var clerk = await app.ClientAsync(await app.Org.UserAsync(Role.Clerk, storeId: app.StoreA.Id));
        var (status, draft) = await clerk.PostAsync("/api/documents", new
        {
            kind = "receipt", locationCode = app.StoreA.Code + "-F", supplier = "上海食品供应链有限公司",
            lines = new[] { new { code = product.Sku, quantity = 0.001m, unitCost = (decimal?)null } }.Take(0),
        });
        Assert.Equal(HttpStatusCode.Created, status);
        var number = draft.GetProperty("number").GetString()!;
        Assert.Matches(@"^RK\d{8}-\d{4}$", number);

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/documents/{number}/scans", new { barcode = product.Barcode, quantity = 4 })).Status);
        var (_, scanned) = await clerk.PostAsync($"/api/documents/{number}/scans", new { barcode = product.Barcode });
        var line = Assert.Single(scanned.GetProperty("lines").EnumerateArray());
        Assert.Equal(5m, line.GetProperty("quantity").GetDecimal());

        var (posted, _) = await clerk.PostAsync($"/api/documents/{number}/post");
        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Equal(15, (await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id)).OnHand);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"/api/documents/{number}/post")).Status);
    }

    [Fact]
    public async Task A_failing_line_rolls_back_its_whole_document()
    {
        var plenty = await app.StockedProductAsync(50);
        var scarce = await app.StockedProductAsync(2);
        var manager = await app.ClientAsync(await app.Org.UserAsync(Role.StoreManager, storeId: app.StoreA.Id));
        var (_, draft) = await manager.PostAsync("/api/documents", new
        {
            kind = "issue", locationCode = app.StoreA.Code + "-F",
            lines = new[] { new { code = plenty.Sku, quantity = 10m }, new { code = scarce.Barcode, quantity = 5m } },
        });
        var number = draft.GetProperty("number").GetString();
        var movesBefore = await LedgerProbe.MoveCountAsync(app.Db);

        var (status, problem) = await manager.PostAsync($"/api/documents/{number}/post");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(scarce.Sku, problem.GetProperty("lines")[0].GetProperty("sku").GetString());
        Assert.Equal(movesBefore, await LedgerProbe.MoveCountAsync(app.Db));
        Assert.Equal(50, (await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, plenty.Id)).OnHand);
        using var c = await manager.GetAsync(new Uri($"/api/documents/{number}", UriKind.Relative));
        Assert.Equal("draft", JsonDocument.Parse(await c.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Clerk_submits_a_write_off_but_only_a_manager_approves_it()
    {
        var product = await app.StockedProductAsync(20);
        var clerk = await app.ClientAsync(await app.Org.UserAsync(Role.Clerk, storeId: app.StoreA.Id));
        var manager = await app.ClientAsync(await app.Org.UserAsync(Role.StoreManager, storeId: app.StoreA.Id));
        var (_, draft) = await clerk.PostAsync("/api/documents", new
        {
            kind = "write_off", locationCode = app.StoreA.Code + "-F", reason = "damaged", photoUrl = "https://img.example.cn/broken.jpg",
            lines = new[] { new { code = product.Barcode, quantity = 3m } },
        });
        var number = draft.GetProperty("number").GetString();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/documents/{number}/submit")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/documents/{number}/approve", new { comment = "ok" })).Status);
        Assert.Equal(20, (await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id)).OnHand);

        var (status, approved) = await manager.PostAsync($"/api/documents/{number}/approve", new { comment = "同意" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("posted", approved.GetProperty("status").GetString());
        Assert.StartsWith("user:", approved.GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(17, (await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id)).OnHand);
    }

    [Fact]
    public async Task Stock_query_shows_levels_and_recent_sales_and_moves_record_the_actor()
    {
        var product = await app.StockedProductAsync(30);
        var pos = app.ApiKeyClient(app.PosKey);
        Assert.Equal(HttpStatusCode.Created, (await pos.PostAsync("/api/channels/pos/sales", Api.Sale("sq-1", app.StoreA.Code, (product.Barcode, 4)))).Status);
        var manager = await app.ClientAsync(await app.Org.UserAsync(Role.StoreManager, storeId: app.StoreA.Id));

        var stock = JsonDocument.Parse(await manager.GetStringAsync(new Uri($"/api/stock?barcode={product.Barcode}", UriKind.Relative))).RootElement;
        var row = Assert.Single(stock.EnumerateArray());
        Assert.Equal(26m, row.GetProperty("onHand").GetDecimal());
        Assert.Equal(4m, row.GetProperty("sold7Days").GetDecimal());
        Assert.Equal(4m, row.GetProperty("sold30Days").GetDecimal());

        var moves = JsonDocument.Parse(await manager.GetStringAsync(new Uri($"/api/moves?sku={product.Sku}&kind=sale", UriKind.Relative))).RootElement;
        var move = Assert.Single(moves.EnumerateArray());
        Assert.StartsWith("apikey:", move.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Equal("pos", move.GetProperty("channel").GetString());
    }
}
