using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Transfers;

/// <summary>A transfer's header as its stage operations see it, locked for the step that changes it.</summary>
public sealed class TransferHeader
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Status { get; init; } = "";
    public int FromLocationId { get; init; }
    public int? FromStoreId { get; init; }
    public int ToStoreId { get; init; }
    public int ToLocationId { get; init; }
    public decimal TotalValue { get; init; }
    public bool CrossRegion { get; init; }
    public Guid WorkflowInstanceId { get; init; }
    public DateTimeOffset? ReservedAt { get; init; }
}

public sealed class TransferLineRow
{
    public int LineNo { get; init; }
    public int ProductId { get; init; }
    public decimal Requested { get; init; }
    public decimal? Shipped { get; init; }
    public decimal? Received { get; init; }
    public decimal UnitCost { get; init; }
}

/// <summary>Reads and locks a transfer with its lines by the workflow instance that drives it.</summary>
public static class TransferRows
{
    public static async Task<(TransferHeader? Header, IReadOnlyList<TransferLineRow> Lines)> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId)
    {
        var header = await connection.QuerySingleOrDefaultAsync<TransferHeader>(
            """
            select id, number, status, from_location_id, from_store_id, to_store_id, to_location_id, total_value, cross_region,
                   workflow_instance_id, reserved_at
            from transfer where workflow_instance_id = @instanceId for update
            """, new { instanceId }, transaction);
        if (header is null)
        {
            return (null, []);
        }

        var lines = await connection.QueryAsync<TransferLineRow>(
            "select line_no, product_id, requested, shipped, received, unit_cost from transfer_line where transfer_id = @Id order by line_no",
            header, transaction);
        return (header, lines.ToList());
    }

    /// <summary>Moves the transfer to a status and records who and when in the columns of that stage.</summary>
    public static async Task SetStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string status, TransferStage stage, string actor, DateTimeOffset now)
    {
        var column = stage switch
        {
            TransferStage.Decided => "decided_by = @actor, decided_at = @now, closed_at = case when @status = 'rejected' then @now end",
            TransferStage.Shipped => "shipped_by = @actor, shipped_at = @now",
            TransferStage.Received => "received_by = @actor, received_at = @now, closed_at = @now",
            _ => "closed_at = @now",
        };
        await connection.ExecuteAsync($"update transfer set status = @status, {column} where id = @id", new { id, status, actor, now }, transaction);
    }
}

/// <summary>Which who/when columns a status change fills.</summary>
public enum TransferStage
{
    Decided,
    Shipped,
    Received,
    Closed,
}
