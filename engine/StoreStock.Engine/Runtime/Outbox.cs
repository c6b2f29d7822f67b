using Npgsql;
using NpgsqlTypes;

namespace StoreStock.Engine.Runtime;

/// <summary>
/// Writes messages to the outbox outside any workflow instance (e.g. stock alerts), in the caller's transaction, so
/// they are sent exactly when the caller's own changes commit. Delivery reads the same table.
/// </summary>
public static class Outbox
{
    public static async Task AddAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxMessage> messages, DateTimeOffset createdAt, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "insert into wf_outbox (instance_id, task_id, kind, recipient, title, body, created_at) " +
            "select instance_id, task_id, kind, recipient, title, body, $7 " +
            "from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(instance_id, task_id, kind, recipient, title, body)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.InstanceId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.TaskId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.Recipient).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.Title).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.Body).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = createdAt });
        await command.ExecuteNonQueryAsync(ct);
    }
}
