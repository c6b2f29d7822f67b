using System.Net;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Channels;

/// <summary>Invariant 4: every channel call replayed three times is applied once; a reused id with new content is a 409.</summary>
public sealed class ReplayTests(ChannelFixture app) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task Every_channel_call_replayed_three_times_is_applied_once()
    {
        var product = await app.StockedProductAsync(100);
        var pos = app.ApiKeyClient(app.PosKey);
        var mini = app.ApiKeyClient(app.MiniKey);
        var groupBuy = app.ApiKeyClient(app.GroupBuyKey);
        var movesBefore = await LedgerProbe.MoveCountAsync(app.Db);

        // Replays arrive concurrently as well as one after another.
        await Replayed(() => pos.PostAsync("/api/channels/pos/sales", Api.Sale("rcpt-1", app.StoreA.Code, (product.Barcode, 2), (product.Sku, 1))), HttpStatusCode.Created);
        await Replayed(() => mini.PostAsync("/api/channels/mini_program/orders", Api.Order("o-1", app.StoreA.Code, (product.Barcode, 5))), HttpStatusCode.Created);
        await Replayed(() => mini.PostAsync("/api/channels/mini_program/orders/o-1/fulfil"), HttpStatusCode.OK);
        await Replayed(() => mini.PostAsync("/api/channels/mini_program/orders", Api.Order("o-2", app.StoreA.Code, (product.Barcode, 4))), HttpStatusCode.Created);
        await Replayed(() => mini.PostAsync("/api/channels/mini_program/orders/o-2/cancel"), HttpStatusCode.OK);
        await Replayed(() => groupBuy.PostAsync("/api/channels/douyin/redemptions", Api.Voucher("DY-1", app.StoreA.Code, (product.Barcode, 2))), HttpStatusCode.Created);
        await Replayed(() => groupBuy.PostAsync("/api/channels/douyin/redemptions/DY-1/undo"), HttpStatusCode.OK);
        await Replayed(() => groupBuy.PostAsync("/api/channels/meituan/redemptions", Api.Voucher("MT-1", app.StoreA.Code, (product.Sku, 1))), HttpStatusCode.Created);

        // 100 − 3 (sale) − 5 (fulfilled) − 2 + 2 (redeemed, undone) − 1 (meituan) = 91, nothing reserved.
        Assert.Equal(new LedgerProbe.Level(91, 0, 0), await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id));
        // sale (lines merged) 1 + reserve 1 + fulfil 1 + reserve 1 + release 1 + redeem 1 + undo 1 + redeem 1.
        Assert.Equal(movesBefore + 8, await LedgerProbe.MoveCountAsync(app.Db));
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
    }

    [Fact]
    public async Task Same_external_id_with_different_content_is_a_conflict_and_changes_nothing()
    {
        var product = await app.StockedProductAsync(20);
        var pos = app.ApiKeyClient(app.PosKey);
        Assert.Equal(HttpStatusCode.Created, (await pos.PostAsync("/api/channels/pos/sales", Api.Sale("rcpt-x", app.StoreA.Code, (product.Barcode, 1)))).Status);
        var movesBefore = await LedgerProbe.MoveCountAsync(app.Db);

        var (status, _) = await pos.PostAsync("/api/channels/pos/sales", Api.Sale("rcpt-x", app.StoreA.Code, (product.Barcode, 7)));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(movesBefore, await LedgerProbe.MoveCountAsync(app.Db));
        Assert.Equal(19, (await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id)).OnHand);
    }

    [Fact]
    public async Task Till_sale_is_always_recorded_and_a_negative_balance_is_flagged()
    {
        var product = await app.StockedProductAsync(1);
        var pos = app.ApiKeyClient(app.PosKey);

        var (status, _) = await pos.PostAsync("/api/channels/pos/sales", Api.Sale("neg-1", app.StoreA.Code, (product.Barcode, 3)));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(-2, (await LedgerProbe.LevelAsync(app.Db, app.StoreA.SellingLocationId, product.Id)).OnHand);
        await using var c = await app.Db.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select on_hand from stock_discrepancy where product_id = $1 and resolved_at is null", c) { Parameters = { new() { Value = product.Id } } };
        Assert.Equal(-2m, (decimal)(await command.ExecuteScalarAsync())!);
    }

    private static async Task Replayed(Func<Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)>> call, HttpStatusCode expected)
    {
        var first = await call();
        Assert.True(first.Status == expected, $"expected {expected}, got {first.Status}: {first.Body}");
        var replays = await Task.WhenAll(call(), call(), call());
        Assert.All(replays, r => Assert.Equal(expected, r.Status));
        Assert.All(replays, r => Assert.Equal(first.Body.GetRawText(), r.Body.GetRawText()));
    }
}
