using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

namespace StoreStock.Inventory.Transfers;

/// <summary>
/// Transfers within the caller's scope: store staff see those from or to their store, a supervisor those touching
/// their region, HQ all. A transfer outside the scope is not found.
/// </summary>
public sealed class TransferQueries(InventoryDatabase database)
{
    public const int MaxPage = 200;

    private const string Select =
        """
        select t.number, t.status, fl.code as from_location, fs.code as from_store, ts.code as to_store, tl.code as to_location,
               t.total_value, t.cross_region, t.workflow_instance_id as instance_id, t.note, t.requested_by, t.requested_at,
               t.decided_by, t.decided_at, t.shipped_by, t.shipped_at, t.received_by, t.received_at, t.closed_at, t.id
        from transfer t
        join location fl on fl.id = t.from_location_id
        left join store fs on fs.id = t.from_store_id
        join store ts on ts.id = t.to_store_id
        join location tl on tl.id = t.to_location_id
        """;

    public async Task<TransferView?> GetAsync(Caller caller, string number, CancellationToken ct)
    {
        var (scope, parameters) = Scope(caller);
        parameters.Add("number", number);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var found = await connection.QuerySingleOrDefaultAsync<TransferView>(
            new CommandDefinition($"{Select} where t.number = @number and {scope}", parameters, cancellationToken: ct));
        if (found is null)
        {
            return null;
        }

        found.Lines = (await connection.QueryAsync<TransferLineView>(new CommandDefinition(
            """
            select l.line_no, l.product_id, p.sku, p.name, l.requested, l.shipped, l.received, l.discrepancy, l.unit_cost
            from transfer_line l join product p on p.id = l.product_id where l.transfer_id = @id order by l.line_no
            """, new { found.Id }, cancellationToken: ct))).ToList();
        return found;
    }

    /// <summary>The number of the transfer a workflow instance drives, or null before its first step wrote one.</summary>
    public async Task<string?> NumberOfInstanceAsync(Guid instanceId, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select number from transfer where workflow_instance_id = @instanceId", new { instanceId }, cancellationToken: ct));
    }

    /// <summary>Newest first; <paramref name="storeCode"/> keeps those from or to that store.</summary>
    public async Task<IReadOnlyList<TransferView>> ListAsync(Caller caller, string? status, string? storeCode, int limit, CancellationToken ct)
    {
        var (scope, parameters) = Scope(caller);
        parameters.Add("status", status);
        parameters.Add("storeCode", storeCode);
        parameters.Add("limit", Math.Clamp(limit, 1, MaxPage));
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<TransferView>(new CommandDefinition(
            $"""
            {Select}
            where {scope}
              and (@status::text is null or t.status = @status)
              and (@storeCode::text is null or fs.code = @storeCode or ts.code = @storeCode)
            order by t.requested_at desc, t.id desc limit @limit
            """, parameters, cancellationToken: ct))).ToList();
    }

    private static (string Sql, DynamicParameters Parameters) Scope(Caller caller)
    {
        var parameters = new DynamicParameters();
        if (caller.IsHq)
        {
            return ("true", parameters);
        }

        if (caller.StoreId is { } store)
        {
            parameters.Add("scopeStore", store);
            return ("(t.from_store_id = @scopeStore or t.to_store_id = @scopeStore)", parameters);
        }

        parameters.Add("scopeRegion", caller.RegionId ?? -1);
        return ("(fs.region_id = @scopeRegion or ts.region_id = @scopeRegion or fl.region_id = @scopeRegion)", parameters);
    }
}
