using Dapper;
using Npgsql;

namespace StoreStock.Bench.Ledger;

/// <summary>
/// How many transactions carried the run's sales. A ledger write stamps all its moves with one recorded_at, and a
/// POS batch is one ledger write, so distinct stamps count the batches (group commits).
/// </summary>
public static class SaleCommits
{
    public static async Task<long> CountAsync(NpgsqlDataSource db, string externalIdPrefix)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select count(distinct recorded_at) from stock_move where kind = 'sale' and starts_with(external_ref, @externalIdPrefix)",
            new { externalIdPrefix });
    }
}
