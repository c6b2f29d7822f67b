using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace StoreStock.WeCom.Delivery;

/// <summary>
/// Takes the due messages a node may send now: rows no other node holds (<c>for update skip locked</c> plus a lease),
/// and per WeCom member no more than the room left in their minute and hour. Claims from all nodes queue on one
/// advisory lock, so two nodes never both count the same room; the sends happen after the claim commits.
/// </summary>
public sealed class OutboxClaims(NpgsqlDataSource dataSource, IOptions<WeComOptions> weCom, IOptions<DeliveryOptions> options)
{
    /// <summary>The advisory lock key of the claim ("WeComOut" in ASCII).</summary>
    private const long ClaimLock = 0x5765436F6D4F7574;

    private const string ClaimSql =
        """
        with users as (
            select * from unnest(@usernames::text[], @userids::text[]) as m(username, userid)
        ),
        log as (
            select userid, count(*) filter (where at >= @minuteAgo) as minute, count(*) as hour
            from wecom_send_slot where at >= @hourAgo group by userid
        ),
        candidates as (
            select o.id, o.kind, coalesce(u.userid, o.recipient) as userid, o.first_attempt_at is not null as attempted_before
            from wf_outbox o left join users u on u.username = o.recipient
            where o.status = 'pending'
              and (o.next_attempt_at is null or o.next_attempt_at <= @now)
              and (o.lease_until is null or o.lease_until <= @now)
              and (o.kind = 'task_closed' or coalesce(u.userid, o.recipient) not in
                    (select userid from log where minute >= @perMinute or hour >= @perHour))
            order by o.id
            limit @scan
            for update of o skip locked
        ),
        ranked as (
            select c.*, row_number() over (partition by c.userid, c.kind = 'task_closed' order by c.id) as n
            from candidates c
        ),
        chosen as (
            select r.id, r.kind, r.userid, r.attempted_before
            from ranked r left join log l on l.userid = r.userid
            where r.kind = 'task_closed'
               or r.n <= least(@perMinute - coalesce(l.minute, 0), @perHour - coalesce(l.hour, 0))
            order by r.id
            limit @batch
        ),
        claimed as (
            update wf_outbox o
            set lease_until = @leaseUntil, attempts = o.attempts + 1, first_attempt_at = coalesce(o.first_attempt_at, @now)
            from chosen c where o.id = c.id
            returning o.id, o.kind, o.recipient, c.userid, o.title, o.body, o.task_id, o.attempts, c.attempted_before
        ),
        slots as (
            insert into wecom_send_slot (userid, outbox_id, at)
            select userid, id, @leaseUntil from chosen where kind <> 'task_closed'
            returning id, outbox_id
        )
        select m.id, m.kind, m.recipient, m.userid, m.title, m.body, m.task_id, m.attempts, m.attempted_before, s.id,
               t.status, t.form::text, t.outcomes, t.assignees, t.due_at, t.store_id, t.escalation_level, t.completed_by, t.outcome
        from claimed m
        left join slots s on s.outbox_id = m.id
        left join wf_task t on t.id = m.task_id
        order by m.id
        """;

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var users = weCom.Value.Users;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", ClaimLock);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(ClaimSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("usernames", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = users.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("userids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = users.Values.ToArray() });
        command.Parameters.AddWithValue("now", now);
        // Inclusive bounds: a message exactly a minute old still counts, whichever way WeCom rounds its window.
        command.Parameters.AddWithValue("minuteAgo", now - TimeSpan.FromMinutes(1));
        command.Parameters.AddWithValue("hourAgo", now - TimeSpan.FromHours(1));
        command.Parameters.AddWithValue("leaseUntil", now + settings.Lease);
        command.Parameters.AddWithValue("perMinute", (long)settings.PerMemberPerMinute);
        command.Parameters.AddWithValue("perHour", (long)settings.PerMemberPerHour);
        command.Parameters.AddWithValue("batch", (long)settings.BatchSize);
        command.Parameters.AddWithValue("scan", (long)settings.BatchSize * 20);
        var claimed = new List<ClaimedMessage>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(Read(reader));
            }
        }

        await transaction.CommitAsync(ct);
        return claimed;
    }

    private static ClaimedMessage Read(NpgsqlDataReader r)
    {
        var task = r.IsDBNull(10) ? null : new TaskSnapshot(
            r.GetString(10),
            r.GetString(11),
            r.GetFieldValue<string[]>(12),
            r.GetFieldValue<string[]>(13),
            r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
            r.IsDBNull(15) ? null : r.GetInt32(15),
            r.GetInt32(16),
            r.IsDBNull(17) ? null : r.GetString(17),
            r.IsDBNull(18) ? null : r.GetString(18));
        return new ClaimedMessage(
            r.GetInt64(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            r.GetString(4),
            r.GetString(5),
            r.IsDBNull(6) ? null : r.GetGuid(6),
            r.GetInt32(7),
            r.GetBoolean(8),
            r.IsDBNull(9) ? null : r.GetInt64(9),
            task);
    }
}
