using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>The clerks say they are done: the count goes to approval with its variance, unless lines are still uncounted.</summary>
public static class StocktakeSubmission
{
    /// <summary>Outcome of a submit: the variance, or how many lines still wait for a count (the count stays open).</summary>
    public sealed record Result(VarianceTotals? Variance, int Uncounted, IReadOnlyList<VarianceLine> Lines);

    public static async Task<Result> SubmitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string actor, DateTimeOffset now)
    {
        var header = await StocktakeHeader.LockAsync(connection, transaction, id);
        var lines = await StocktakeHeader.VarianceAsync(connection, id, transaction);
        var uncounted = lines.Count(l => l.Counted is null);
        if (header.Status == StocktakeStatus.Counting && uncounted > 0)
        {
            return new Result(null, uncounted, lines);
        }

        var totals = VarianceTotals.Of(lines);
        if (header.Status == StocktakeStatus.Counting)
        {
            await connection.ExecuteAsync(
                """
                update stocktake set status = 'submitted', submitted_by = @actor, submitted_at = @now, gain_value = @GainValue, loss_value = @LossValue
                where id = @id
                """,
                new { id, actor, now, totals.GainValue, totals.LossValue },
                transaction);
        }

        return new Result(totals, 0, lines);
    }
}
