using StoreStock.Engine.Runtime;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace StoreStock.WeCom.Delivery;

/// <summary>HQ's view of the outbox: what was sent, what waits, what is dead and why; and sending a dead message again.</summary>
public sealed class DeliveryQueries(NpgsqlDataSource dataSource, IOptions<WeComOptions> weCom)
{
    public static readonly string[] Statuses = [OutboxStatus.Pending, OutboxStatus.Sent, OutboxStatus.Dead];

    public sealed record Delivery(
        long Id,
        string Kind,
        string Recipient,
        string WeComUserId,
        string Title,
        string Status,
        int Attempts,
        string? LastError,
        string? Note,
        DateTimeOffset CreatedAt,
        DateTimeOffset? NextAttemptAt,
        DateTimeOffset? SentAt,
        Guid? TaskId);

    /// <summary>One page, newest first; <c>NextBefore</c> is the <c>before</c> of the next page (null on the last).</summary>
    public sealed record DeliveryPage(IReadOnlyList<Delivery> Items, long? NextBefore);

    private const string Columns =
        """
        id, kind, recipient, title, status, attempts, last_error as LastError, note, created_at as CreatedAt,
        next_attempt_at as NextAttemptAt, sent_at as SentAt, task_id as TaskId
        """;

    public async Task<DeliveryPage> ListAsync(string? status, long? before, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            "select " + Columns + " from wf_outbox where (@status::text is null or status = @status) and (@before::bigint is null or id < @before) order by id desc limit @take",
            new { status, before, take = limit + 1 }, cancellationToken: ct))).Select(ToDelivery).ToList();
        var items = rows.Take(limit).ToList();
        return new DeliveryPage(items, rows.Count > limit ? items[^1].Id : null);
    }

    /// <summary>Puts a dead message back in the queue with fresh attempts; answers it as the retry left it. NotFound / Conflict (it is not dead) otherwise.</summary>
    public async Task<Outcome<Delivery>> RetryAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var retried = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "update wf_outbox set status = 'pending', attempts = 0, next_attempt_at = null, lease_until = null where id = @id and status = 'dead' returning " + Columns,
            new { id }, cancellationToken: ct));
        if (retried is not null)
        {
            return ToDelivery(retried);
        }

        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("select status from wf_outbox where id = @id", new { id }, cancellationToken: ct));
        return status is null
            ? Failure.NotFound($"没有编号为 {id} 的消息 (no such message)")
            : Failure.Conflict($"只有已失败的消息可以重发，这条是 {status} (only dead messages can be retried)", new { status });
    }

    private Delivery ToDelivery(Row r) => new(r.Id, r.Kind, r.Recipient, weCom.Value.WeComUserId(r.Recipient), r.Title, r.Status,
        r.Attempts, r.LastError, r.Note, r.CreatedAt, r.NextAttemptAt, r.SentAt, r.TaskId);

    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public string? Note { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public Guid? TaskId { get; init; }
    }
}
