using Dapper;
using Npgsql;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Purchasing;

/// <summary>
/// Goods arriving against an ordered purchase order: each line posts a purchase_receipt move at the order's unit cost
/// into the order's location, in the caller's transaction. Receipts may be partial; more than is outstanding on a line
/// is refused (over-deliveries go back to the supplier or onto a receipt document of their own).
/// </summary>
public sealed class ReceivePurchaseOrderGoods(LedgerWriter ledger)
{
    public async Task<Outcome<PurchaseOrderState>> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long id, IReadOnlyList<OrderLineInput> lines, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var order = await PurchaseOrderRows.LockAsync(connection, transaction, id, ct);
        if (!PurchaseOrderStatus.Receivable.Contains(order.Status))
        {
            return Failure.Conflict($"采购单 {order.Number} 状态为 {order.Status}，不能收货 (the purchase order cannot be received now)");
        }

        var outstanding = await PurchaseOrderRows.OutstandingAsync(connection, transaction, id, ct);
        var errors = PurchaseOrderLines.Check(lines, outstanding.ToDictionary(l => l.ProductId, l => (decimal?)l.Quantity));
        if (errors.Any)
        {
            return errors;
        }

        var received = lines.Where(l => l.Quantity > 0).ToList();
        if (received.Count > 0)
        {
            var costs = (await connection.QueryAsync<(int ProductId, decimal UnitCost)>(new CommandDefinition(
                "select product_id, unit_cost from purchase_order_line where purchase_order_id = @id", new { id }, transaction, cancellationToken: ct)))
                .ToDictionary(c => c.ProductId, c => c.UnitCost);
            await ledger.ApplyAsync(connection, transaction,
                [.. received.Select(l => new StockMove(order.LocationId, l.ProductId, MoveKind.PurchaseReceipt, l.Quantity, UnitCost: costs[l.ProductId], ExternalRef: order.Number))],
                actor, cancellationToken: ct);
        }

        return await connection.QuerySingleAsync<PurchaseOrderState>(new CommandDefinition(
            """
            with received as (
                update purchase_order_line l set received_quantity = l.received_quantity + r.quantity
                from unnest(@products::int[], @quantities::numeric[]) as r(product_id, quantity)
                where l.purchase_order_id = @id and l.product_id = r.product_id
                returning l.product_id, l.ordered_quantity, l.received_quantity
            ),
            left_over as (
                select count(*) filter (where coalesce(r.received_quantity, l.received_quantity) < l.ordered_quantity) as lines,
                       bool_or(coalesce(r.received_quantity, l.received_quantity) > 0) as any_received
                from purchase_order_line l left join received r on r.product_id = l.product_id
                where l.purchase_order_id = @id
            )
            update purchase_order o set status = case when left_over.lines = 0 then 'received' when left_over.any_received then 'partially_received' else o.status end, updated_at = @now
            from left_over
            where o.id = @id
            returning o.id, o.number, o.store_id as StoreId, o.location_id as LocationId, o.status, o.total_value as TotalValue
            """,
            new { id, products = received.Select(l => l.ProductId).ToArray(), quantities = received.Select(l => l.Quantity).ToArray(), now },
            transaction, cancellationToken: ct));
    }
}
