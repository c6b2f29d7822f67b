using Dapper;
using Npgsql;
using StoreStock.Inventory.Documents;
using StoreStock.Inventory.Replenishment;

namespace StoreStock.Inventory.Purchasing;

/// <summary>
/// Writes the draft purchase orders of a replenishment run: one per store that has suggested lines, in one statement
/// for the orders and their lines. A store that already has an order for the run day gets none (a repeated run makes
/// nothing twice); only the orders actually written are returned.
/// </summary>
public sealed class PurchaseOrderDrafts(TimeProvider clock)
{
    public const string NumberPrefix = "CG";

    private const string Sql = """
        with orders as (
            insert into purchase_order (number, store_id, location_id, status, total_value, instance_id, run_day, trigger, created_by, created_at, updated_at)
            select o.number, o.store_id, o.location_id, 'draft', o.total_value, o.instance_id, @day::date, @trigger, @actor, @now, @now
            from unnest(@numbers::text[], @orderStores::int[], @orderLocations::int[], @totals::numeric[], @instances::uuid[])
                as o(number, store_id, location_id, total_value, instance_id)
            on conflict (store_id, run_day) do nothing
            returning id, store_id, number, total_value
        ),
        lines as (
            insert into purchase_order_line (purchase_order_id, product_id, suggested_quantity, ordered_quantity, unit_cost)
            select o.id, l.product_id, l.quantity, l.quantity, l.unit_cost
            from unnest(@lineStores::int[], @products::int[], @quantities::numeric[], @costs::numeric[]) as l(store_id, product_id, quantity, unit_cost)
            join orders o on o.store_id = l.store_id
        )
        select id, store_id as StoreId, number, total_value as TotalValue from orders order by store_id
        """;

    /// <param name="instanceByStore">The workflow instance that owns each store's order, when a workflow drafts it.</param>
    public async Task<IReadOnlyList<DraftedOrder>> WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<SuggestedLine> lines,
        DateOnly day,
        string trigger,
        IReadOnlyDictionary<int, Guid>? instanceByStore,
        string actor,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stores = lines.GroupBy(l => l.StoreId).Select(g => (StoreId: g.Key, g.First().LocationId, Total: g.Sum(l => l.SuggestedQuantity * l.UnitCost))).ToList();
        if (stores.Count == 0)
        {
            return [];
        }

        // One number per store (not per line); numbers of stores that already have today's order are simply skipped.
        var numbers = new string[stores.Count];
        for (var i = 0; i < stores.Count; i++)
        {
            numbers[i] = await DocumentNumbers.NextAsync(connection, transaction, NumberPrefix, now);
        }

        var drafted = await connection.QueryAsync<DraftedOrder>(new CommandDefinition(Sql, new
        {
            day = day.ToDateTime(TimeOnly.MinValue),
            trigger,
            actor,
            now,
            numbers,
            orderStores = stores.Select(s => s.StoreId).ToArray(),
            orderLocations = stores.Select(s => s.LocationId).ToArray(),
            totals = stores.Select(s => Math.Round(s.Total, 2)).ToArray(),
            instances = stores.Select(s => instanceByStore?.TryGetValue(s.StoreId, out var id) == true ? id : (Guid?)null).ToArray(),
            lineStores = lines.Select(l => l.StoreId).ToArray(),
            products = lines.Select(l => l.ProductId).ToArray(),
            quantities = lines.Select(l => l.SuggestedQuantity).ToArray(),
            costs = lines.Select(l => l.UnitCost).ToArray(),
        }, transaction, commandTimeout: 300, cancellationToken: ct));
        return drafted.AsList();
    }
}
