using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Purchasing;

/// <summary>
/// The store manager's check of a draft: each listed line gets its new ordered quantity (0 drops it), lines not listed
/// keep theirs, and the total is worked out again. A draft left with nothing to order is cancelled. An order that is
/// no longer a draft is left as it is (the step already ran).
/// </summary>
public static class ConfirmPurchaseOrder
{
    public static async Task<Outcome<PurchaseOrderState>> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long id, IReadOnlyList<OrderLineInput> lines, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var order = await PurchaseOrderRows.LockAsync(connection, transaction, id, ct);
        if (order.Status != PurchaseOrderStatus.Draft)
        {
            return order;
        }

        var products = await connection.QueryAsync<int>(new CommandDefinition(
            "select product_id from purchase_order_line where purchase_order_id = @id", new { id }, transaction, cancellationToken: ct));
        var errors = PurchaseOrderLines.Check(lines, products.ToDictionary(p => p, _ => (decimal?)null));
        if (errors.Any)
        {
            return errors;
        }

        return await connection.QuerySingleAsync<PurchaseOrderState>(new CommandDefinition(
            """
            with edited as (
                update purchase_order_line l set ordered_quantity = e.quantity
                from unnest(@products::int[], @quantities::numeric[]) as e(product_id, quantity)
                where l.purchase_order_id = @id and l.product_id = e.product_id
                returning l.product_id, l.ordered_quantity, l.unit_cost
            ),
            totals as (
                select coalesce(sum(coalesce(e.ordered_quantity, l.ordered_quantity) * l.unit_cost), 0) as value,
                       coalesce(sum(coalesce(e.ordered_quantity, l.ordered_quantity)), 0) as quantity
                from purchase_order_line l left join edited e on e.product_id = l.product_id
                where l.purchase_order_id = @id
            )
            update purchase_order o set
                total_value = round(t.value, 2),
                status = case when t.quantity > 0 then 'confirmed' else 'cancelled' end,
                confirmed_by = @actor, updated_at = @now
            from totals t
            where o.id = @id
            returning o.id, o.number, o.store_id as StoreId, o.location_id as LocationId, o.status, o.total_value as TotalValue
            """,
            new { id, products = lines.Select(l => l.ProductId).ToArray(), quantities = lines.Select(l => l.Quantity).ToArray(), actor, now },
            transaction, cancellationToken: ct));
    }
}
