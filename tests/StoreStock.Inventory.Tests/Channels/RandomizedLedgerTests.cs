using System.Net;
using Dapper;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Channels;

/// <summary>Invariants 1–3 under load: thousands of random mixed channel operations from concurrent clients.</summary>
public sealed class RandomizedLedgerTests(ChannelFixture app) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task Levels_equal_the_sum_of_moves_after_thousands_of_random_mixed_operations()
    {
        var products = new List<TestOrg.ProductRow>();
        for (var i = 0; i < 12; i++)
        {
            products.Add(await app.StockedProductAsync(i % 3 == 0 ? 5 : 200));
        }

        var pos = app.ApiKeyClient(app.PosKey);
        var mini = app.ApiKeyClient(app.MiniKey);
        var groupBuy = app.ApiKeyClient(app.GroupBuyKey);
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var random = new Random(1000 + worker);
            for (var n = 0; n < 300; n++)
            {
                var id = $"w{worker}-{n}";
                var product = products[random.Next(products.Count)];
                var quantity = random.Next(1, 4);
                var (status, _) = random.Next(6) switch
                {
                    0 => await pos.PostAsync("/api/channels/pos/sales", Api.Sale(id, app.StoreA.Code, (product.Barcode, quantity))),
                    1 or 2 => await mini.PostAsync("/api/channels/mini_program/orders", Api.Order(id, app.StoreA.Code, (product.Sku, quantity))),
                    3 => await mini.PostAsync($"/api/channels/mini_program/orders/w{worker}-{random.Next(Math.Max(n, 1))}/fulfil"),
                    4 => await mini.PostAsync($"/api/channels/mini_program/orders/w{worker}-{random.Next(Math.Max(n, 1))}/cancel"),
                    _ => random.Next(2) == 0
                        ? await groupBuy.PostAsync("/api/channels/wechat_groupbuy/redemptions", Api.Voucher(id, app.StoreA.Code, (product.Barcode, quantity)))
                        : await groupBuy.PostAsync($"/api/channels/wechat_groupbuy/redemptions/w{worker}-{random.Next(Math.Max(n, 1))}/undo"),
                };
                statuses.Add(status);
            }
        }));

        Assert.Equal(2400, statuses.Count);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
        await LedgerProbe.AssertSalesDailyEqualsSaleMovesAsync(app.Db);

        // Reserved equals exactly what open orders hold.
        await using var c = await app.Db.OpenConnectionAsync();
        var reservedMismatch = await c.ExecuteScalarAsync<long>("""
            select count(*) from stock_level l
            left join (select o.location_id, ol.product_id, sum(ol.quantity) q from online_order o
                       join online_order_line ol on ol.order_id = o.id where o.status = 'reserved' group by 1, 2) r
              on r.location_id = l.location_id and r.product_id = l.product_id
            where l.reserved <> coalesce(r.q, 0)
            """);
        Assert.Equal(0, reservedMismatch);
    }
}
