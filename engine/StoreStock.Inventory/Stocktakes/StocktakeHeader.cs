using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>A count's header row, read (and locked) by the operations that change it.</summary>
public sealed record StocktakeHeader(
    long Id, string Number, int StoreId, int LocationId, string Status, bool Blind, int Round, int? ScheduleId, Guid? InstanceId)
{
    private const string Columns = "id, number, store_id, location_id, status, blind, round, schedule_id, instance_id";

    /// <summary>
    /// Locks the row for the rest of the transaction, so two writers to one count take turns. For a workflow step, whose
    /// instance opened the count: there is one.
    /// </summary>
    public static async Task<StocktakeHeader> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id) =>
        await connection.QuerySingleOrDefaultAsync<StocktakeHeader>($"select {Columns} from stocktake where id = @id for update", new { id }, transaction)
        ?? throw new InvalidOperationException($"No stocktake {id}.");

    public static Task<StocktakeHeader?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number) =>
        connection.QuerySingleOrDefaultAsync<StocktakeHeader>($"select {Columns} from stocktake where number = @number for update", new { number }, transaction);

    public static Task<StocktakeHeader?> FindAsync(NpgsqlConnection connection, string number, NpgsqlTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<StocktakeHeader>($"select {Columns} from stocktake where number = @number", new { number }, transaction);

    public static async Task<IReadOnlyList<VarianceLine>> VarianceAsync(NpgsqlConnection connection, long id, NpgsqlTransaction? transaction = null) =>
        (await connection.QueryAsync<VarianceLine>(StocktakeLines.VarianceSql + " order by sku", new { id }, transaction)).ToList();
}
