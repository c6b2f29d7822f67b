using Dapper;
using Npgsql;

namespace StoreStock.Bench.Ledger;

/// <summary>After the load: levels still equal the sum of moves, and every acknowledged line is exactly one sale move.</summary>
public static class LedgerCheck
{
    public sealed record Outcome(long LevelsOff, long SaleMoves, long SoldUnits, long ExpectedMoves, long ExpectedUnits)
    {
        public bool Ok => LevelsOff == 0 && SaleMoves == ExpectedMoves && SoldUnits == ExpectedUnits;
    }

    public static async Task<Outcome> RunAsync(NpgsqlDataSource db, long acknowledgedLines, long acknowledgedUnits)
    {
        await using var connection = await db.OpenConnectionAsync();
        var levelsOff = await connection.ExecuteScalarAsync<long>(
            """
            select count(*)
            from stock_level l
            full join (select location_id, product_id,
                              sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved, sum(in_transit_delta) as in_transit
                       from stock_move group by location_id, product_id) m using (location_id, product_id)
            where coalesce(l.on_hand, 0) <> coalesce(m.on_hand, 0)
               or coalesce(l.reserved, 0) <> coalesce(m.reserved, 0)
               or coalesce(l.in_transit, 0) <> coalesce(m.in_transit, 0)
            """);
        var (moves, units) = await connection.QuerySingleAsync<(long, decimal)>(
            "select count(*), coalesce(-sum(on_hand_delta), 0) from stock_move where kind = 'sale' and channel = 'pos'");
        return new Outcome(levelsOff, moves, (long)units, acknowledgedLines, acknowledgedUnits);
    }
}
