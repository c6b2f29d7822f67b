using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace StoreStock.Samples;

/// <summary>
/// Writes the seeded moves with binary COPY, then derives every level row from them in one statement, so levels
/// equal the sum of moves by construction (the ledger invariant) without replaying each move through the ledger writer.
/// </summary>
internal static class SampleMoveWriter
{
    public const string Actor = "system:seed";

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<SampleMove> moves, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var recordedUtc = recordedAt.ToUniversalTime();
        await using var importer = await connection.BeginBinaryImportAsync(
            "copy stock_move (location_id, product_id, kind, on_hand_delta, unit_cost, channel, actor, occurred_at, recorded_at) from stdin (format binary)",
            cancellationToken);
        foreach (var move in moves)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(move.LocationId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(move.ProductId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(move.Kind, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync((decimal)move.Quantity, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(move.UnitCost, NpgsqlDbType.Numeric, cancellationToken);
            if (move.Channel is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(move.Channel, NpgsqlDbType.Text, cancellationToken);
            }

            await importer.WriteAsync(Actor, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(move.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(recordedUtc, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>One level row per (location, product) with moves, valued at the product's cost price.</summary>
    public static async Task BuildLevelsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<int> locationIds, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into stock_level (location_id, product_id, on_hand, reserved, in_transit, avg_cost, updated_at)
            select m.location_id, m.product_id, sum(m.on_hand_delta), sum(m.reserved_delta), sum(m.in_transit_delta), p.cost_price, @updatedAt
            from stock_move m
            join product p on p.id = m.product_id
            where m.location_id = any(@locationIds)
            group by m.location_id, m.product_id, p.cost_price
            """,
            new { locationIds = locationIds.ToArray(), updatedAt = updatedAt.ToUniversalTime() },
            transaction,
            cancellationToken: cancellationToken));
}
