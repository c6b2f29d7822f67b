using Npgsql;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Transfers;

/// <summary>
/// The destination confirms what arrived (a shipped line left out arrived as 0): in transit goes down by what was
/// shipped and on hand up by what was received (transfer_in, at the transfer's unit cost). Received − shipped stays on
/// each line as its discrepancy, short or over. A transfer already received answers with what it recorded.
/// </summary>
public sealed class TransferReceiving(LedgerWriter ledger, InventoryOptions options)
{
    public async Task<Outcome<IReadOnlyList<TransferLineRow>>> ReceiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, IReadOnlyList<TransferQuantity> counted, string actor, DateTimeOffset now)
    {
        var (header, lines) = await TransferRows.LockAsync(connection, transaction, instanceId);
        if (header is null)
        {
            return Failure.NotFound($"流程实例 {instanceId} 没有调拨单 (no transfer for the instance)");
        }

        if (header.Status == TransferStatus.Received)
        {
            return lines.ToList();
        }

        if (header.Status != TransferStatus.Shipped)
        {
            return Failure.Conflict($"调拨单 {header.Number} 为 {header.Status}，不能收货 (only a shipped transfer is received)");
        }

        var errors = new FieldErrors();
        var shippedLines = lines.Where(l => l.Shipped > 0).ToList();
        var received = TransferLines.Match(shippedLines, counted, _ => options.MaxLineQuantity, errors);
        if (errors.Any)
        {
            return errors;
        }

        var moves = shippedLines
            .Select(l => new StockMove(header.ToLocationId, l.ProductId, MoveKind.TransferIn, received[l.ProductId], InTransitDelta: -l.Shipped!.Value,
                UnitCost: l.UnitCost, ExternalRef: header.Number))
            .ToList();
        await ledger.ApplyAsync(connection, transaction, moves, actor);
        await TransferLines.SetAsync(connection, transaction, header.Id, TransferStage.Received, received);
        await TransferRows.SetStatusAsync(connection, transaction, header.Id, TransferStatus.Received, TransferStage.Received, actor, now);
        return (await TransferRows.LockAsync(connection, transaction, instanceId)).Lines.ToList();
    }
}
