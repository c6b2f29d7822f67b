using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>
/// A rejected count goes back to the clerks: every line with a difference is flagged and its count cleared, so it must
/// be counted again; lines without a difference keep their count. The count is open again, one round further.
/// </summary>
public static class StocktakeRecount
{
    /// <returns>How many lines were flagged (0 when the count was not waiting for a decision).</returns>
    public static async Task<int> MarkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id)
    {
        var header = await StocktakeHeader.LockAsync(connection, transaction, id);
        if (header.Status != StocktakeStatus.Submitted)
        {
            return 0;
        }

        var flagged = (await StocktakeHeader.VarianceAsync(connection, id, transaction)).Where(l => l.Differs).Select(l => l.ProductId).ToArray();
        await connection.ExecuteAsync(
            """
            update stocktake_line set recount = product_id = any(@flagged),
                counted_qty = case when product_id = any(@flagged) then null else counted_qty end,
                counted_move_id = case when product_id = any(@flagged) then null else counted_move_id end,
                counted_by = case when product_id = any(@flagged) then null else counted_by end,
                counted_at = case when product_id = any(@flagged) then null else counted_at end
            where stocktake_id = @id;
            update stocktake set status = 'counting', round = round + 1, submitted_by = null, submitted_at = null where id = @id;
            """,
            new { id, flagged },
            transaction);
        return flagged.Length;
    }
}
