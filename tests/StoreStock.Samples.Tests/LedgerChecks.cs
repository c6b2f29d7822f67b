using Dapper;
using Npgsql;

namespace StoreStock.Samples.Tests;

/// <summary>Ledger checks shared by the tests of short and long histories.</summary>
internal static class LedgerChecks
{
    /// <summary>Level rows that differ from the sum of their moves, or moves without a level row, or the reverse.</summary>
    public static async Task<int> LevelsDifferingFromMovesAsync(NpgsqlConnection c) => await c.ExecuteScalarAsync<int>(
        """
        select count(*)
        from (select location_id, product_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved, sum(in_transit_delta) as in_transit
              from stock_move group by location_id, product_id) m
        full join stock_level l on l.location_id = m.location_id and l.product_id = m.product_id
        where l.on_hand is distinct from m.on_hand or l.reserved is distinct from m.reserved or l.in_transit is distinct from m.in_transit
        """);

    /// <summary>Points in time where a (location, product) balance, replayed in time order, was below zero.</summary>
    public static async Task<int> NegativeRunningBalancesAsync(NpgsqlConnection c) => await c.ExecuteScalarAsync<int>(
        """
        select count(*) from (
            select sum(on_hand_delta) over (partition by location_id, product_id order by occurred_at, id) as balance from stock_move
        ) t where balance < 0
        """);
}
