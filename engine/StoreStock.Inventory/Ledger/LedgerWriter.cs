using Npgsql;
using NpgsqlTypes;

namespace StoreStock.Inventory.Ledger;

/// <summary>
/// The only code that changes stock levels. It appends the moves and updates the level rows in the caller's
/// transaction, so levels always equal the sum of moves (invariant 1). Rows are locked in (location, product)
/// order, so concurrent writers never deadlock on each other.
/// </summary>
public sealed class LedgerWriter(TimeProvider time)
{
    /// <param name="requireAvailable">
    /// When set, what the write takes from available stock (new reservations, on hand removed) must be covered by
    /// available = on hand − reserved, checked under the row lock (invariant 3). On a shortfall nothing is written
    /// and the shortfalls are returned.
    /// </param>
    public async Task<LedgerWriteResult> ApplyAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<StockMove> moves,
        string actor,
        bool requireAvailable = false,
        CancellationToken cancellationToken = default)
    {
        if (moves.Count == 0)
        {
            throw new ArgumentException("A ledger write needs at least one move.", nameof(moves));
        }

        var now = time.GetUtcNow();
        var totals = LevelDelta.Sum(moves);

        var locked = await LockLevelsAsync(connection, transaction, totals, now, cancellationToken);
        if (requireAvailable)
        {
            // What a write takes from available stock: new reservations plus on-hand it removes.
            var shortfalls = totals
                .Select(t => (t, needed: t.Reserved - t.OnHand, level: locked[(t.LocationId, t.ProductId)]))
                .Where(x => x.needed > 0 && x.level.OnHand - x.level.Reserved < x.needed)
                .Select(x => new Shortfall(x.t.LocationId, x.t.ProductId, x.needed, Math.Max(0, x.level.OnHand - x.level.Reserved)))
                .ToList();
            if (shortfalls.Count > 0)
            {
                return new LedgerWriteResult(shortfalls);
            }
        }

        await UpdateLevelsAndAppendMovesAsync(connection, transaction, totals, locked, moves, actor, now, cancellationToken);
        return new LedgerWriteResult([]);
    }

    /// <summary>A level row as locked, before this write.</summary>
    private sealed record LockedLevel(decimal OnHand, decimal Reserved);

    private static async Task<Dictionary<(int, int), LockedLevel>> LockLevelsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LevelDelta> totals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var locations = totals.Select(t => t.LocationId).ToArray();
        var products = totals.Select(t => t.ProductId).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("""
            insert into stock_level (location_id, product_id, updated_at)
            select l, p, $3 from unnest($1::int[], $2::int[]) as t(l, p) order by l, p
            on conflict do nothing
            """, locations, products, now));
        batch.BatchCommands.Add(Command("""
            select s.location_id, s.product_id, s.on_hand, s.reserved
            from stock_level s join unnest($1::int[], $2::int[]) as t(l, p) on s.location_id = t.l and s.product_id = t.p
            order by s.location_id, s.product_id
            for update of s
            """, locations, products));
        var result = new Dictionary<(int, int), LockedLevel>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[(reader.GetInt32(0), reader.GetInt32(1))] = new LockedLevel(reader.GetDecimal(2), reader.GetDecimal(3));
        }

        return result;
    }

    /// <summary>One round trip: level updates, the moves, and any discrepancy that opens or closes.</summary>
    private static async Task UpdateLevelsAndAppendMovesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<LevelDelta> totals,
        Dictionary<(int, int), LockedLevel> before,
        IReadOnlyList<StockMove> moves,
        string actor,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Moving-average cost: incoming stock with a cost re-weights the average over the positive stock on hand.
        batch.BatchCommands.Add(Command("""
            update stock_level s set
                on_hand    = s.on_hand + d.on_hand,
                reserved   = s.reserved + d.reserved,
                in_transit = s.in_transit + d.in_transit,
                avg_cost   = case when d.in_qty > 0
                                  then round((greatest(s.on_hand, 0) * s.avg_cost + d.in_value) / (greatest(s.on_hand, 0) + d.in_qty), 4)
                                  else s.avg_cost end,
                updated_at = $8
            from unnest($1::int[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[])
                as d(location_id, product_id, on_hand, reserved, in_transit, in_qty, in_value)
            where s.location_id = d.location_id and s.product_id = d.product_id
            """,
            totals.Select(t => t.LocationId).ToArray(),
            totals.Select(t => t.ProductId).ToArray(),
            totals.Select(t => t.OnHand).ToArray(),
            totals.Select(t => t.Reserved).ToArray(),
            totals.Select(t => t.InTransit).ToArray(),
            totals.Select(t => t.CostedQuantity).ToArray(),
            totals.Select(t => t.CostedValue).ToArray(),
            now));
        batch.BatchCommands.Add(Command("""
            insert into stock_move (location_id, product_id, kind, on_hand_delta, reserved_delta, in_transit_delta,
                                    unit_cost, document_id, channel, external_ref, actor, occurred_at, recorded_at)
            select m.location_id, m.product_id, m.kind, m.on_hand, m.reserved, m.in_transit,
                   coalesce(m.unit_cost, s.avg_cost), m.document_id, m.channel, m.external_ref, coalesce(m.actor, $12), coalesce(m.occurred_at, $13), $13
            from unnest($1::int[], $2::int[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[],
                        $8::bigint[], $9::text[], $10::text[], $11::timestamptz[], $14::text[])
                as m(location_id, product_id, kind, on_hand, reserved, in_transit, unit_cost, document_id, channel, external_ref, occurred_at, actor)
            join stock_level s on s.location_id = m.location_id and s.product_id = m.product_id
            """,
            moves.Select(m => m.LocationId).ToArray(),
            moves.Select(m => m.ProductId).ToArray(),
            moves.Select(m => m.Kind).ToArray(),
            moves.Select(m => m.OnHandDelta).ToArray(),
            moves.Select(m => m.ReservedDelta).ToArray(),
            moves.Select(m => m.InTransitDelta).ToArray(),
            moves.Select(m => m.UnitCost).ToArray(),
            moves.Select(m => m.DocumentId).ToArray(),
            moves.Select(m => m.Channel).ToArray(),
            moves.Select(m => m.ExternalRef).ToArray(),
            moves.Select(m => m.OccurredAt?.ToUniversalTime()).ToArray(),
            actor,
            now,
            moves.Select(m => m.Actor).ToArray()));
        AddDiscrepancyCommands(batch, totals, before, now);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Opens (or updates) a discrepancy for each level this write leaves negative, and closes the open one of each
    /// level it brings back to zero or above. Levels that were and stay non-negative cost nothing.
    /// </summary>
    private static void AddDiscrepancyCommands(NpgsqlBatch batch, IReadOnlyList<LevelDelta> totals, Dictionary<(int, int), LockedLevel> before, DateTimeOffset now)
    {
        var changes = totals.Select(t => (t.LocationId, t.ProductId, Before: before[(t.LocationId, t.ProductId)].OnHand, After: before[(t.LocationId, t.ProductId)].OnHand + t.OnHand)).ToList();
        var negative = changes.Where(c => c.After < 0).ToList();
        if (negative.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into stock_discrepancy (location_id, product_id, on_hand, detected_at)
                select *, $4 from unnest($1::int[], $2::int[], $3::numeric[])
                on conflict (location_id, product_id) where resolved_at is null do update set on_hand = excluded.on_hand
                """,
                negative.Select(c => c.LocationId).ToArray(),
                negative.Select(c => c.ProductId).ToArray(),
                negative.Select(c => c.After).ToArray(),
                now));
        }

        var recovered = changes.Where(c => c.Before < 0 && c.After >= 0).ToList();
        if (recovered.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                update stock_discrepancy d set resolved_at = $3
                from unnest($1::int[], $2::int[]) as t(l, p)
                where d.resolved_at is null and d.location_id = t.l and d.product_id = t.p
                """,
                recovered.Select(c => c.LocationId).ToArray(),
                recovered.Select(c => c.ProductId).ToArray(),
                now));
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter switch
            {
                DateTimeOffset time => new NpgsqlParameter { Value = time, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = parameter ?? DBNull.Value },
            });
        }

        return command;
    }

    /// <summary>The net change to one level row, summed over the moves of one write.</summary>
    private sealed record LevelDelta(int LocationId, int ProductId, decimal OnHand, decimal Reserved, decimal InTransit, decimal CostedQuantity, decimal CostedValue)
    {
        public static List<LevelDelta> Sum(IReadOnlyList<StockMove> moves) => moves
            .GroupBy(m => (m.LocationId, m.ProductId))
            .OrderBy(g => g.Key.LocationId).ThenBy(g => g.Key.ProductId)
            .Select(g => new LevelDelta(
                g.Key.LocationId,
                g.Key.ProductId,
                g.Sum(m => m.OnHandDelta),
                g.Sum(m => m.ReservedDelta),
                g.Sum(m => m.InTransitDelta),
                g.Where(m => m.UnitCost is not null && m.OnHandDelta > 0).Sum(m => m.OnHandDelta),
                g.Where(m => m.UnitCost is not null && m.OnHandDelta > 0).Sum(m => m.OnHandDelta * m.UnitCost!.Value)))
            .ToList();
    }
}
