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
    /// When set, a positive reserved delta must be covered by available = on hand − reserved, checked under the
    /// row lock (invariant 3). On a shortfall nothing is written and the shortfalls are returned.
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
            var shortfalls = totals
                .Where(t => t.Reserved > 0)
                .Select(t => (t, level: locked[(t.LocationId, t.ProductId)]))
                .Where(x => x.level.OnHand - x.level.Reserved < x.t.Reserved)
                .Select(x => new Shortfall(x.t.LocationId, x.t.ProductId, x.t.Reserved, Math.Max(0, x.level.OnHand - x.level.Reserved)))
                .ToList();
            if (shortfalls.Count > 0)
            {
                return new LedgerWriteResult([], shortfalls);
            }
        }

        var levels = await UpdateLevelsAndAppendMovesAsync(connection, transaction, totals, moves, actor, now, cancellationToken);
        return new LedgerWriteResult(levels, []);
    }

    private static async Task<Dictionary<(int, int), StockLevelAfter>> LockLevelsAsync(
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
            select s.location_id, s.product_id, s.on_hand, s.reserved, s.in_transit
            from stock_level s join unnest($1::int[], $2::int[]) as t(l, p) on s.location_id = t.l and s.product_id = t.p
            order by s.location_id, s.product_id
            for update of s
            """, locations, products));
        var result = new Dictionary<(int, int), StockLevelAfter>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var level = new StockLevelAfter(reader.GetInt32(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4));
            result[(level.LocationId, level.ProductId)] = level;
        }

        return result;
    }

    private static async Task<IReadOnlyList<StockLevelAfter>> UpdateLevelsAndAppendMovesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<LevelDelta> totals,
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
            returning s.location_id, s.product_id, s.on_hand, s.reserved, s.in_transit
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
        var levels = new List<StockLevelAfter>(totals.Count);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                levels.Add(new StockLevelAfter(reader.GetInt32(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4)));
            }
        }

        await FlagDiscrepanciesAsync(connection, transaction, levels, now, cancellationToken);
        return levels;
    }

    /// <summary>Opens a discrepancy for each level that went negative and closes the ones that recovered.</summary>
    private static async Task FlagDiscrepanciesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StockLevelAfter> levels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var negative = levels.Where(l => l.OnHand < 0).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (negative.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into stock_discrepancy (location_id, product_id, on_hand, detected_at)
                select * , $4 from unnest($1::int[], $2::int[], $3::numeric[])
                on conflict (location_id, product_id) where resolved_at is null do update set on_hand = excluded.on_hand
                """,
                negative.Select(l => l.LocationId).ToArray(),
                negative.Select(l => l.ProductId).ToArray(),
                negative.Select(l => l.OnHand).ToArray(),
                now));
        }

        var recovered = levels.Where(l => l.OnHand >= 0).ToList();
        if (recovered.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                update stock_discrepancy d set resolved_at = $3
                from unnest($1::int[], $2::int[]) as t(l, p)
                where d.resolved_at is null and d.location_id = t.l and d.product_id = t.p
                """,
                recovered.Select(l => l.LocationId).ToArray(),
                recovered.Select(l => l.ProductId).ToArray(),
                now));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
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
