using Dapper;
using Npgsql;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Transfers;

/// <summary>
/// Holds the requested quantities at the source (reserved += quantity, only if available covers every line) and
/// gives them back when the transfer is rejected or cancelled. Both look at the transfer first, so a re-run changes nothing.
/// </summary>
public sealed class TransferReservation(LedgerWriter ledger)
{
    /// <summary>Reserves every line or none. Returns the shortfalls; the transfer is then marked short.</summary>
    public async Task<IReadOnlyList<Shortfall>> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, string actor, DateTimeOffset now)
    {
        var (header, lines) = await TransferRows.LockAsync(connection, transaction, instanceId);
        if (header is null || header.Status != TransferStatus.Requested || header.ReservedAt is not null)
        {
            return [];
        }

        var moves = lines.Select(l => new StockMove(header.FromLocationId, l.ProductId, MoveKind.Reserve, 0, ReservedDelta: l.Requested, ExternalRef: header.Number)).ToList();
        var result = await ledger.ApplyAsync(connection, transaction, moves, actor, requireAvailable: true);
        if (!result.Succeeded)
        {
            await TransferRows.SetStatusAsync(connection, transaction, header.Id, TransferStatus.ShortOfStock, TransferStage.Closed, actor, now);
            return result.Shortfalls;
        }

        await connection.ExecuteAsync("update transfer set reserved_at = @now where id = @Id", new { header.Id, now }, transaction);
        return [];
    }

    /// <summary>Ends a transfer that has not shipped as rejected or cancelled, releasing what it still holds.</summary>
    /// <returns>False when the transfer has already shipped: nothing was changed, and nothing can be given back.</returns>
    public async Task<bool> ReleaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, string endStatus, string actor, DateTimeOffset now)
    {
        var (header, lines) = await TransferRows.LockAsync(connection, transaction, instanceId);
        if (header?.Status is TransferStatus.Shipped or TransferStatus.Received)
        {
            return false;
        }

        if (header is null || !TransferStatus.HoldsReservation(header.Status))
        {
            return true;
        }

        if (header.ReservedAt is not null)
        {
            var moves = lines.Select(l => new StockMove(header.FromLocationId, l.ProductId, MoveKind.Release, 0, ReservedDelta: -l.Requested, ExternalRef: header.Number)).ToList();
            await ledger.ApplyAsync(connection, transaction, moves, actor);
        }

        await TransferRows.SetStatusAsync(connection, transaction, header.Id, endStatus, endStatus == TransferStatus.Rejected ? TransferStage.Decided : TransferStage.Closed, actor, now);
        return true;
    }

    /// <summary>The approval chain said yes: the transfer waits for picking.</summary>
    public static async Task ApproveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, string actor, DateTimeOffset now)
    {
        var (header, _) = await TransferRows.LockAsync(connection, transaction, instanceId);
        if (header?.Status == TransferStatus.Requested)
        {
            await TransferRows.SetStatusAsync(connection, transaction, header.Id, TransferStatus.Approved, TransferStage.Decided, actor, now);
        }
    }
}
