using Dapper;
using Npgsql;

namespace StoreStock.Samples.Tests;

public sealed class SampleChainDeterminismTests
{
    [Fact]
    public async Task Seeding_two_databases_at_the_same_time_gives_identical_data()
    {
        await using var first = await SeededDatabase.CreateAsync("determinism a", historyDays: 10);
        await using var second = await SeededDatabase.CreateAsync("determinism b", historyDays: 10);

        Assert.Equal(await SalesPerStoreAsync(first.Db), await SalesPerStoreAsync(second.Db));
        Assert.Equal(await FingerprintAsync(first.Db), await FingerprintAsync(second.Db));
    }

    private static async Task<List<(string Location, decimal Sold, decimal Received)>> SalesPerStoreAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        var totals = (await c.QueryAsync<(string, decimal, decimal)>(
            """
            select l.code, -sum(m.on_hand_delta) filter (where m.channel is not null), sum(m.on_hand_delta) filter (where m.kind = 'purchase_receipt')
            from stock_move m join location l on l.id = m.location_id
            group by l.code order by l.code
            """)).ToList();
        Assert.True(totals.Count >= 7);
        return totals;
    }

    /// <summary>A hash over every catalog row, barcode and move, by codes rather than generated ids.</summary>
    private static async Task<string> FingerprintAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<string>(
            """
            select md5(
                (select string_agg(concat_ws('|', sku, name, spec, unit, cost_price, sale_price, shelf_life_days, low_stock_line, safety_stock, lead_time_days, order_multiple), ',' order by sku) from product)
                || (select string_agg(concat_ws('|', b.barcode, p.sku, b.kind), ',' order by b.barcode) from product_barcode b join product p on p.id = b.product_id)
                || (select string_agg(concat_ws('|', l.code, p.sku, m.kind, m.on_hand_delta, m.unit_cost, m.channel, m.occurred_at), ',' order by m.id)
                    from stock_move m join location l on l.id = m.location_id join product p on p.id = m.product_id))
            """) ?? "";
    }
}
