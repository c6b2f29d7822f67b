using Dapper;
using Npgsql;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Transfers;

/// <summary>
/// The source ships what was picked (at most what was requested; a line left out ships nothing): on hand and the
/// reservation go down at the source (transfer_out), any unshipped rest is released, and the shipped quantity is in
/// transit at the destination (transfer_ship). A transfer already shipped answers with what it shipped.
/// </summary>
public sealed class TransferShipping(LedgerWriter ledger)
{
    public async Task<Outcome<IReadOnlyList<TransferQuantity>>> ShipAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, IReadOnlyList<TransferQuantity> picked, string actor, DateTimeOffset now)
    {
        var (header, lines) = await TransferRows.LockAsync(connection, transaction, instanceId);
        if (header is null)
        {
            return Failure.NotFound($"流程实例 {instanceId} 没有调拨单 (no transfer for the instance)");
        }

        if (header.Status is TransferStatus.Shipped or TransferStatus.Received)
        {
            return lines.Where(l => l.Shipped > 0).Select(l => new TransferQuantity(l.ProductId, l.Shipped!.Value)).ToList();
        }

        if (header.Status != TransferStatus.Approved)
        {
            return Failure.Conflict($"调拨单 {header.Number} 为 {header.Status}，不能发货 (only an approved transfer ships)");
        }

        var errors = new FieldErrors();
        var shipped = TransferLines.Match(lines, picked, l => l.Requested, errors);
        if (errors.Any)
        {
            return errors;
        }

        var moves = new List<StockMove>();
        foreach (var line in lines)
        {
            var quantity = shipped[line.ProductId];
            if (quantity > 0)
            {
                moves.Add(new StockMove(header.FromLocationId, line.ProductId, MoveKind.TransferOut, -quantity, ReservedDelta: header.ReservedAt is null ? 0 : -quantity, ExternalRef: header.Number));
                moves.Add(new StockMove(header.ToLocationId, line.ProductId, MoveKind.TransferShip, 0, InTransitDelta: quantity, UnitCost: line.UnitCost, ExternalRef: header.Number));
            }

            if (header.ReservedAt is not null && line.Requested > quantity)
            {
                moves.Add(new StockMove(header.FromLocationId, line.ProductId, MoveKind.Release, 0, ReservedDelta: quantity - line.Requested, ExternalRef: header.Number));
            }
        }

        if (moves.Count > 0)
        {
            await ledger.ApplyAsync(connection, transaction, moves, actor);
        }

        await TransferLines.SetAsync(connection, transaction, header.Id, TransferStage.Shipped, shipped);
        var anything = shipped.Values.Any(q => q > 0);
        await TransferRows.SetStatusAsync(connection, transaction, header.Id, anything ? TransferStatus.Shipped : TransferStatus.Cancelled, anything ? TransferStage.Shipped : TransferStage.Closed, actor, now);
        return shipped.Where(s => s.Value > 0).Select(s => new TransferQuantity(s.Key, s.Value)).ToList();
    }
}
