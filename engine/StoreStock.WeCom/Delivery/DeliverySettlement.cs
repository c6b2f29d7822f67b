using Npgsql;
using NpgsqlTypes;

namespace StoreStock.WeCom.Delivery;

/// <summary>Writes a round's results back in one transaction: the messages' state, the send log, and the cards sent.</summary>
public sealed class DeliverySettlement(NpgsqlDataSource dataSource)
{
    public sealed record UpdatableCard(string WeComTaskId, string ResponseCode);

    public async Task SettleAsync(IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken ct)
    {
        if (results.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);

        // A message another node took over after this node's lease ran out, and settled first, is left as it is.
        batch.BatchCommands.Add(Command(
            """
            update wf_outbox o
            set status = r.status, next_attempt_at = r.next_attempt_at, lease_until = null, last_error = r.error, note = r.note,
                sent_at = case when r.status = 'sent' then @now else o.sent_at end
            from unnest(@ids, @statuses, @nextAttempts, @errors, @notes) as r(id, status, next_attempt_at, error, note)
            where o.id = r.id and o.status = 'pending'
            """,
            ("ids", results.Select(r => r.Message.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            ("statuses", results.Select(r => r.Status).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("nextAttempts", results.Select(r => r.NextAttemptAt).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz),
            ("errors", results.Select(r => r.Error).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("notes", results.Select(r => r.Note).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("now", now, NpgsqlDbType.TimestampTz)));

        // A message that may have reached WeCom counts against its member from the answer on; one that surely did not is forgotten.
        var slots = results.Where(r => r.Message.SlotId is not null).ToList();
        batch.BatchCommands.Add(Command("update wecom_send_slot set at = @now where id = any(@ids)",
            ("ids", slots.Where(r => r.MayHaveReachedWeCom).Select(r => r.Message.SlotId!.Value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            ("now", now, NpgsqlDbType.TimestampTz)));
        batch.BatchCommands.Add(Command("delete from wecom_send_slot where id = any(@ids)",
            ("ids", slots.Where(r => !r.MayHaveReachedWeCom).Select(r => r.Message.SlotId!.Value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)));
        batch.BatchCommands.Add(Command("delete from wecom_send_slot where userid = any(@userids) and at < @hourAgo",
            ("userids", slots.Select(r => r.Message.UserId).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("hourAgo", now - TimeSpan.FromHours(1), NpgsqlDbType.TimestampTz)));

        var cards = results.Where(r => r.Card is not null).ToList();
        batch.BatchCommands.Add(Command(
            """
            insert into wecom_card (wecom_task_id, outbox_id, task_id, userid, card_type, response_code, sent_at)
            select c.wecom_task_id, c.outbox_id, c.task_id, c.userid, c.card_type, c.response_code, @now
            from unnest(@taskIds, @outboxIds, @tasks, @userids, @types, @codes) as c(wecom_task_id, outbox_id, task_id, userid, card_type, response_code)
            on conflict (wecom_task_id) do update set response_code = coalesce(wecom_card.response_code, excluded.response_code)
            """,
            ("taskIds", cards.Select(r => r.Card!.WeComTaskId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("outboxIds", cards.Select(r => r.Message.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            ("tasks", cards.Select(r => r.Card!.TaskId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid),
            ("userids", cards.Select(r => r.Message.UserId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("types", cards.Select(r => r.Card!.CardType).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("codes", cards.Select(r => r.Card!.ResponseCode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("now", now, NpgsqlDbType.TimestampTz)));

        batch.BatchCommands.Add(Command("update wecom_card set code_used_at = @now where wecom_task_id = any(@ids) and code_used_at is null",
            ("ids", results.SelectMany(r => r.UsedCodes ?? []).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("now", now, NpgsqlDbType.TimestampTz)));

        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The recipient's cards of a task whose send response_code is still unspent.</summary>
    public async Task<IReadOnlyList<UpdatableCard>> UpdatableCardsAsync(Guid taskId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            select wecom_task_id, response_code from wecom_card
            where task_id = @taskId and userid = @userId and response_code is not null and code_used_at is null
            order by sent_at, wecom_task_id
            """, connection);
        command.Parameters.AddWithValue("taskId", taskId);
        command.Parameters.AddWithValue("userId", userId);
        var cards = new List<UpdatableCard>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cards.Add(new UpdatableCard(reader.GetString(0), reader.GetString(1)));
        }

        return cards;
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }

        return command;
    }
}
