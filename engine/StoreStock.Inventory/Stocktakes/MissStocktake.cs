using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>
/// A count not submitted in time is marked missed; for a scheduled count its schedule's run of consecutive misses
/// grows by one (a posted count resets it). Only an open count can be missed, so recording twice counts once.
/// </summary>
public static class StocktakeMisses
{
    /// <returns>The schedule's consecutive misses now; 0 for an ad-hoc count or one that was no longer open.</returns>
    public static async Task<int> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id)
    {
        var header = await StocktakeHeader.LockAsync(connection, transaction, id);
        if (header.Status != StocktakeStatus.Counting)
        {
            return 0;
        }

        await connection.ExecuteAsync("update stocktake set status = 'missed' where id = @id", new { id }, transaction);
        return header.ScheduleId is { } scheduleId
            ? await connection.ExecuteScalarAsync<int>(
                "update stocktake_schedule set consecutive_missed = consecutive_missed + 1 where id = @scheduleId returning consecutive_missed",
                new { scheduleId }, transaction)
            : 0;
    }

    /// <summary>A cancelled instance takes its open count with it.</summary>
    public static Task CancelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId) =>
        connection.ExecuteAsync(
            "update stocktake set status = 'cancelled' where instance_id = @instanceId and status in ('counting', 'submitted')",
            new { instanceId }, transaction);
}
