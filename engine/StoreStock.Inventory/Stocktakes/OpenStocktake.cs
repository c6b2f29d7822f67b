using Dapper;
using Npgsql;
using StoreStock.Inventory.Documents;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>What to count, for whom; a scheduled count names its schedule and the firing it belongs to.</summary>
public sealed record OpenStocktakeCommand(
    int StoreId, string ScopeKind, IReadOnlyList<int> ScopeIds, bool Blind, DateTimeOffset? Deadline,
    int? ScheduleId, DateTimeOffset? ScheduledFor, Guid? InstanceId, string Actor);

public sealed record OpenedStocktake(long Id, string Number, int LineCount);

/// <summary>
/// Opens a count 盘点单 (PD…): snapshots the on-hand quantity of every product in scope at the store's selling
/// location, in one set-based insert. The level rows are share-locked first, so the snapshot and the last move it
/// includes agree: every later move at those rows is "since the snapshot".
/// </summary>
public static class StocktakeOpening
{
    public const string NumberPrefix = "PD";

    /// <returns>The count; null when this schedule's firing already has its count (a firing delivered twice).</returns>
    public static async Task<OpenedStocktake?> OpenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OpenStocktakeCommand command, DateTimeOffset now)
    {
        var existing = await connection.QueryFirstOrDefaultAsync<ExistingCount>(
            """
            select id, number, instance_id as InstanceId from stocktake
            where instance_id = @InstanceId or (schedule_id = @ScheduleId and scheduled_for = @ScheduledFor)
            """,
            command, transaction);
        if (existing is not null)
        {
            // Re-run of the same instance: the count it opened. Another instance's firing: not ours to open again.
            return existing.InstanceId is not null && existing.InstanceId == command.InstanceId
                ? await CountLinesAsync(connection, transaction, existing.Id, existing.Number)
                : null;
        }

        var locationId = await connection.ExecuteScalarAsync<int>("select selling_location_id from store where id = @StoreId", command, transaction);
        var scope = new { locationId, kind = command.ScopeKind, ids = command.ScopeIds.ToArray() };
        await connection.ExecuteAsync(
            $"""
            select 1 from stock_level s join product p on p.id = s.product_id
            where s.location_id = @locationId and {InScope} for share of s
            """,
            scope, transaction);
        var number = await DocumentNumbers.NextAsync(connection, transaction, NumberPrefix, now);
        var id = await connection.ExecuteScalarAsync<long?>(
            """
            insert into stocktake (number, store_id, location_id, scope_kind, scope_ids, blind, status, snapshot_at, snapshot_move_id,
                                   deadline, schedule_id, scheduled_for, instance_id, created_by)
            values (@number, @StoreId, @locationId, @ScopeKind, @ids, @Blind, 'counting', @now, (select coalesce(max(id), 0) from stock_move),
                    @Deadline, @ScheduleId, @ScheduledFor, @InstanceId, @Actor)
            on conflict do nothing
            returning id
            """,
            new { number, command.StoreId, locationId, command.ScopeKind, ids = scope.ids, command.Blind, now, command.Deadline, command.ScheduleId, command.ScheduledFor, command.InstanceId, command.Actor },
            transaction);
        if (id is null)
        {
            return null;
        }

        // Whole store and categories: the products that have a level row here. Listed products: each one, at 0 if it never had stock here.
        var lines = await connection.ExecuteAsync(
            $"""
            insert into stocktake_line (stocktake_id, product_id, snapshot_qty, unit_cost)
            select @id, p.id, coalesce(s.on_hand, 0), coalesce(nullif(s.avg_cost, 0), p.cost_price)
            from product p left join stock_level s on s.product_id = p.id and s.location_id = @locationId
            where {InScope} and (s.product_id is not null or @kind = 'products')
            """,
            new { id, scope.locationId, scope.kind, scope.ids },
            transaction);
        return new OpenedStocktake(id.Value, number, lines);
    }

    private const string InScope = """
        p.is_active and (@kind = 'store' or (@kind = 'categories' and p.category_id = any(@ids)) or (@kind = 'products' and p.id = any(@ids)))
        """;

    private sealed record ExistingCount(long Id, string Number, Guid? InstanceId);

    private static async Task<OpenedStocktake> CountLinesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string number) =>
        new(id, number, await connection.ExecuteScalarAsync<int>("select count(*) from stocktake_line where stocktake_id = @id", new { id }, transaction));
}
