using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Inventory.Purchasing;

/// <summary>Purchase orders as people look them up, inside their scope (invariant 8).</summary>
public sealed class PurchaseOrderQueries(NpgsqlDataSource dataSource, ScopeGuard scopeGuard)
{
    private const string Select = """
        select o.number, s.code as store, o.store_id, o.location_id, o.status, o.total_value, o.instance_id,
               to_char(o.run_day, 'YYYY-MM-DD') as run_day, o.trigger, o.created_by, o.created_at, o.updated_at,
               o.confirmed_by, o.approved_by, o.ordered_at
        from purchase_order o join store s on s.id = o.store_id
        """;

    public async Task<Outcome<IReadOnlyList<PurchaseOrderView>>> ListAsync(Caller caller, string? storeCode, string? status, int limit, CancellationToken ct)
    {
        if (status is not null && !PurchaseOrderStatus.All.Contains(status))
        {
            return FieldErrors.Of("status", $"must be one of: {string.Join(", ", PurchaseOrderStatus.All)}");
        }

        var (scope, scopeParameters) = ScopeGuard.StoreFilter(caller, "o.store_id");
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new { storeCode, status, limit });
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var orders = await connection.QueryAsync<PurchaseOrderView>(new CommandDefinition(
            $"""
            {Select}
            where {scope} and (@storeCode::text is null or s.code = @storeCode) and (@status::text is null or o.status = @status)
            order by o.created_at desc, o.id desc limit @limit
            """, parameters, cancellationToken: ct));
        return orders.AsList();
    }

    public async Task<Outcome<PurchaseOrderView>> GetAsync(Caller caller, string number, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var order = await connection.QuerySingleOrDefaultAsync<PurchaseOrderView>(new CommandDefinition(
            $"{Select} where o.number = @number", new { number }, cancellationToken: ct));
        if (order is null || !await scopeGuard.CanAccessStoreAsync(caller, order.StoreId, ct))
        {
            // Outside the scope looks the same as missing, so numbers of other stores cannot be probed.
            return Failure.NotFound($"采购单 {number} 不存在 (purchase order not found)");
        }

        var lines = await connection.QueryAsync<PurchaseOrderLineView>(new CommandDefinition(
            """
            select l.product_id, p.sku, p.name, l.suggested_quantity, l.ordered_quantity, l.received_quantity, l.unit_cost
            from purchase_order_line l join product p on p.id = l.product_id
            join purchase_order o on o.id = l.purchase_order_id
            where o.number = @number order by l.product_id
            """, new { number }, cancellationToken: ct));
        return order with { Lines = lines.AsList() };
    }
}
