using Dapper;
using Npgsql;
using StoreStock.Inventory.Documents;

namespace StoreStock.Inventory.Transfers;

/// <summary>
/// Writes the transfer document DB… for a workflow instance, once: a re-run finds the one it wrote. Each line is
/// valued at the source's average cost (the catalog cost where the source has none), and the header records whether
/// the two ends are in different regions (a source without a region, the central warehouse, is in none).
/// </summary>
public static class TransferCreation
{
    public const string NumberPrefix = "DB";

    public static async Task<TransferHeader> CreateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, TransferDraft draft, string actor, DateTimeOffset now)
    {
        var (existing, _) = await TransferRows.LockAsync(connection, transaction, instanceId);
        if (existing is not null)
        {
            return existing;
        }

        var number = await DocumentNumbers.NextAsync(connection, transaction, NumberPrefix, now);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            insert into transfer (number, status, from_location_id, from_store_id, to_store_id, to_location_id, total_value, cross_region,
                                  workflow_instance_id, note, requested_by, requested_at)
            select @number, 'requested', @FromLocationId, @FromStoreId, @ToStoreId, @ToLocationId, 0,
                   coalesce(source.region_id <> target.region_id, false), @instanceId, @Note, @actor, @now
            from store target
            left join lateral (select coalesce(s.region_id, l.region_id) as region_id
                               from location l left join store s on s.id = @FromStoreId where l.id = @FromLocationId) source on true
            where target.id = @ToStoreId
            returning id
            """,
            new { number, draft.FromLocationId, draft.FromStoreId, draft.ToStoreId, draft.ToLocationId, instanceId, draft.Note, actor, now },
            transaction);
        await connection.ExecuteAsync(
            """
            insert into transfer_line (transfer_id, line_no, product_id, requested, unit_cost)
            select @id, t.line_no, t.product_id, t.quantity, coalesce(nullif(s.avg_cost, 0), p.cost_price)
            from unnest(@products::int[], @quantities::numeric[]) with ordinality as t(product_id, quantity, line_no)
            join product p on p.id = t.product_id
            left join stock_level s on s.location_id = @FromLocationId and s.product_id = t.product_id;
            update transfer set total_value = (select round(sum(requested * unit_cost), 2) from transfer_line where transfer_id = @id) where id = @id;
            """,
            new
            {
                id,
                draft.FromLocationId,
                products = draft.Lines.Select(l => l.ProductId).ToArray(),
                quantities = draft.Lines.Select(l => l.Quantity).ToArray(),
            },
            transaction);
        return (await TransferRows.LockAsync(connection, transaction, instanceId)).Header!;
    }
}
