using Dapper;
using Npgsql;
using Xunit;

namespace StoreStock.TestSupport;

/// <summary>Reads the ledger straight from the database, to check what the API did.</summary>
public static class LedgerProbe
{
    public sealed record Level(decimal OnHand, decimal Reserved, decimal InTransit)
    {
        public decimal Available => OnHand - Reserved;
    }

    public static async Task<Level> LevelAsync(NpgsqlDataSource db, int locationId, int productId)
    {
        await using var c = await db.OpenConnectionAsync();
        return await c.QuerySingleOrDefaultAsync<Level>(
            "select on_hand as OnHand, reserved, in_transit as InTransit from stock_level where location_id = @locationId and product_id = @productId",
            new { locationId, productId }) ?? new Level(0, 0, 0);
    }

    public static async Task<long> MoveCountAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>("select count(*) from stock_move");
    }

    /// <summary>Invariant 1: every level row equals the sum of its moves, bucket by bucket, and no move lacks a level.</summary>
    public static async Task AssertLevelsEqualSumOfMovesAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        var mismatches = await c.ExecuteScalarAsync<long>("""
            select count(*) from stock_level l
            full join (select location_id, product_id, sum(on_hand_delta) oh, sum(reserved_delta) r, sum(in_transit_delta) t
                       from stock_move group by location_id, product_id) m
              on m.location_id = l.location_id and m.product_id = l.product_id
            where l.location_id is null or m.location_id is null
               or l.on_hand <> m.oh or l.reserved <> m.r or l.in_transit <> m.t
            """);
        Assert.Equal(0, mismatches);
    }

    /// <summary>The daily sales the database keeps equal the sale moves, day by day (China business day).</summary>
    public static async Task AssertSalesDailyEqualsSaleMovesAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        var mismatches = await c.ExecuteScalarAsync<long>("""
            select count(*) from sales_daily d
            full join (select location_id, product_id, (occurred_at at time zone 'Asia/Shanghai')::date as day, -sum(on_hand_delta) as sold
                       from stock_move where kind = any(@sold) group by 1, 2, 3) m
              on m.location_id = d.location_id and m.product_id = d.product_id and m.day = d.day
            where d.location_id is null or m.location_id is null or d.sold <> m.sold
            """, new { sold = StoreStock.Inventory.Ledger.MoveKind.Sold });
        Assert.Equal(0, mismatches);
    }
}
