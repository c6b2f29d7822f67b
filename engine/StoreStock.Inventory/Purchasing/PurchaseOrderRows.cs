using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Purchasing;

/// <summary>A purchase order as the workflow steps see it, locked for the step.</summary>
public sealed record PurchaseOrderState(long Id, string Number, int StoreId, int LocationId, string Status, decimal TotalValue);

/// <summary>Reads a purchase order and its lines inside the caller's transaction.</summary>
public static class PurchaseOrderRows
{
    private const string Columns = "id, number, store_id as StoreId, location_id as LocationId, status, total_value as TotalValue";

    /// <summary>The order a workflow instance drafted, locked until the transaction ends; null when it drafted none.</summary>
    public static async Task<PurchaseOrderState?> LockForInstanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<PurchaseOrderState>(new CommandDefinition(
            $"select {Columns} from purchase_order where instance_id = @instanceId for update", new { instanceId }, transaction, cancellationToken: ct));

    public static async Task<PurchaseOrderState> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken ct) =>
        await connection.QuerySingleAsync<PurchaseOrderState>(new CommandDefinition(
            $"select {Columns} from purchase_order where id = @id for update", new { id }, transaction, cancellationToken: ct));

    /// <summary>The lines with their ordered quantity (what a manager confirms from).</summary>
    public static async Task<IReadOnlyList<OrderLineInput>> OrderedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken ct) =>
        (await connection.QueryAsync<OrderLineInput>(new CommandDefinition(
            """
            select product_id as ProductId, ordered_quantity as Quantity from purchase_order_line
            where purchase_order_id = @id and ordered_quantity > 0 order by product_id
            """, new { id }, transaction, cancellationToken: ct))).AsList();

    /// <summary>What is still to come: ordered minus received, for the lines not complete yet.</summary>
    public static async Task<IReadOnlyList<OrderLineInput>> OutstandingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken ct) =>
        (await connection.QueryAsync<OrderLineInput>(new CommandDefinition(
            """
            select product_id as ProductId, ordered_quantity - received_quantity as Quantity from purchase_order_line
            where purchase_order_id = @id and ordered_quantity > received_quantity order by product_id
            """, new { id }, transaction, cancellationToken: ct))).AsList();

    /// <summary>Moves an order on to a status when it is in one of the expected ones; returns whether it moved.</summary>
    public static async Task<bool> MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string[] from, string to, DateTimeOffset now, CancellationToken ct,
        string? confirmedBy = null, string? approvedBy = null) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update purchase_order set status = @to, updated_at = @now,
                confirmed_by = coalesce(@confirmedBy, confirmed_by), approved_by = coalesce(@approvedBy, approved_by),
                ordered_at = case when @to = 'ordered' then @now else ordered_at end
            where id = @id and status = any(@from)
            """, new { id, from, to, now, confirmedBy, approvedBy }, transaction, cancellationToken: ct)) == 1;
}
