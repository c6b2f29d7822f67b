using Dapper;
using Npgsql;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>
/// An approved count becomes stock: a stocktake_gain or stocktake_loss move per line with a difference, through the
/// ledger in the caller's transaction. Only a submitted count posts, so posting twice changes nothing the second time.
/// A posted scheduled count ends its schedule's run of missed counts.
/// </summary>
public static class StocktakePosting
{
    public static async Task<VarianceTotals?> PostAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LedgerWriter ledger, long id, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var header = await StocktakeHeader.LockAsync(connection, transaction, id);
        if (header.Status != StocktakeStatus.Submitted)
        {
            return null;
        }

        var lines = await StocktakeHeader.VarianceAsync(connection, id, transaction);
        var moves = lines.Where(l => l.Differs)
            .Select(l => new StockMove(header.LocationId, l.ProductId, l.Difference > 0 ? MoveKind.StocktakeGain : MoveKind.StocktakeLoss,
                l.Difference!.Value, UnitCost: l.UnitCost, ExternalRef: header.Number))
            .ToList();
        if (moves.Count > 0)
        {
            await ledger.ApplyAsync(connection, transaction, moves, actor, cancellationToken: cancellationToken);
        }

        var totals = VarianceTotals.Of(lines);
        await connection.ExecuteAsync(
            """
            update stocktake set status = 'posted', posted_by = @actor, posted_at = @now, gain_value = @GainValue, loss_value = @LossValue where id = @Id;
            update stocktake_schedule set consecutive_missed = 0 where id = @ScheduleId;
            """,
            new { header.Id, header.ScheduleId, actor, now, totals.GainValue, totals.LossValue },
            transaction);
        return totals;
    }
}
