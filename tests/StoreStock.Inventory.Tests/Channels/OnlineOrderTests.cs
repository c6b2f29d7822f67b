using System.Net;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Channels;

public sealed class OnlineOrderTests(ChannelFixture app) : IClassFixture<ChannelFixture>
{
    private const string Orders = "/api/channels/mini_program/orders";

    [Fact]
    public async Task Sixty_four_concurrent_orders_against_fifty_units_reserve_exactly_fifty()
    {
        var product = await app.StockedProductAsync(50);
        var client = app.ApiKeyClient(app.MiniKey);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            client.PostAsync(Orders, Api.Order($"race-{product.Sku}-{i}", app.StoreA.Code, (product.Barcode, 1)))));

        Assert.Equal(50, answers.Count(a => a.Status == HttpStatusCode.Created));
        var refused = answers.Where(a => a.Status == HttpStatusCode.Conflict).ToList();
        Assert.Equal(14, refused.Count);
        Assert.All(refused, r => Assert.Equal(0m, r.Body.GetProperty("lines")[0].GetProperty("available").GetDecimal()));
        var level = await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id);
        Assert.Equal(new LedgerProbe.Level(50, 50, 0), level);
        Assert.Equal(0, level.Available);
    }

    [Fact]
    public async Task Short_order_is_refused_with_the_available_quantity_and_reserves_nothing()
    {
        var product = await app.StockedProductAsync(3);
        var other = await app.StockedProductAsync(10);
        var client = app.ApiKeyClient(app.MiniKey);

        var (status, body) = await client.PostAsync(Orders, Api.Order("short-1", app.StoreA.Code, (other.Sku, 2), (product.Barcode, 5)));

        Assert.Equal(HttpStatusCode.Conflict, status);
        var line = Assert.Single(body.GetProperty("lines").EnumerateArray());
        Assert.Equal(product.Sku, line.GetProperty("sku").GetString());
        Assert.Equal(3m, line.GetProperty("available").GetDecimal());
        Assert.Equal(new LedgerProbe.Level(10, 0, 0), await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, other.Id));

        // Nothing was recorded under the id, so the same order can be placed once stock allows it.
        var retry = await client.PostAsync(Orders, Api.Order("short-1", app.StoreA.Code, (other.Sku, 2), (product.Barcode, 3)));
        Assert.Equal(HttpStatusCode.Created, retry.Status);
    }

    [Fact]
    public async Task Fulfil_deducts_and_cancel_releases()
    {
        var product = await app.StockedProductAsync(10);
        var client = app.ApiKeyClient(app.MiniKey);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Orders, Api.Order("ff-1", app.StoreA.Code, (product.Sku, 4)))).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Orders, Api.Order("cc-1", app.StoreA.Code, (product.Sku, 3)))).Status);
        Assert.Equal(new LedgerProbe.Level(10, 7, 0), await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Orders}/ff-1/fulfil")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Orders}/cc-1/cancel")).Status);

        Assert.Equal(new LedgerProbe.Level(6, 0, 0), await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id));
        var (status, body) = await client.PostAsync($"{Orders}/cc-1/fulfil");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{Orders}/never-placed/fulfil")).Status);
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
    }

    [Fact]
    public async Task Reservations_expire_after_their_time_and_cannot_be_fulfilled_afterwards()
    {
        var product = await app.StockedProductAsync(5);
        var client = app.ApiKeyClient(app.MiniKey);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Orders, Api.Order("exp-1", app.StoreA.Code, (product.Sku, 5)))).Status);
        var expiry = app.Services.GetService(typeof(StoreStock.Inventory.Channels.OnlineOrders)) as StoreStock.Inventory.Channels.OnlineOrders;

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        await expiry!.ExpireDueAsync(CancellationToken.None);
        Assert.Equal(new LedgerProbe.Level(5, 5, 0), await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await expiry.ExpireDueAsync(CancellationToken.None) >= 1);
        Assert.Equal(new LedgerProbe.Level(5, 0, 0), await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id));

        var (status, body) = await client.PostAsync($"{Orders}/exp-1/fulfil");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("expired", body.GetProperty("status").GetString());
    }
}
