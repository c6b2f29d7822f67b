using Dapper;
using Npgsql;

namespace StoreStock.WeCom.Callbacks;

/// <summary>The table of accepted callbacks: stored once per dedup key, claimed by one processor at a time on any node.</summary>
public sealed class CallbackEventStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores the event; false when it was delivered before (same dedup key), which changes nothing.</summary>
    public async Task<bool> AddAsync(CallbackEvent e, DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into wecom_callback_event
                (dedup_key, received_at, from_user, create_time, msg_type, event, event_key, task_id, response_code, content, status)
            values (@DedupKey, @receivedAt, @FromUserName, @CreatedAt, @MsgType, @Event, @EventKey, @TaskId, @ResponseCode, @Content, @status)
            on conflict (dedup_key) do nothing
            """,
            new
            {
                e.DedupKey, receivedAt, e.FromUserName, e.CreatedAt, e.MsgType, e.Event, e.EventKey, e.TaskId, e.ResponseCode, e.Content,
                status = e.IsCardClick ? CallbackEventStatus.Pending : CallbackEventStatus.Ignored,
            },
            cancellationToken: ct));
        return inserted == 1;
    }

    /// <summary>
    /// Locks the oldest pending event no other processor holds (skip locked), leaving out the given ids; null when
    /// there is none. The lock lasts until the claim is finished or disposed, so each event is handled by one node.
    /// </summary>
    public async Task<ClaimedCallback?> ClaimNextAsync(IReadOnlyCollection<long> leaveOut, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Content)?>(new CommandDefinition(
                """
                select id, content from wecom_callback_event
                where status = 'pending' and id <> all(@leaveOut)
                order by id limit 1
                for update skip locked
                """,
                new { leaveOut = leaveOut.ToArray() }, transaction, cancellationToken: ct));
            if (row is not { } claimed)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }

            return new ClaimedCallback(claimed.Id, CallbackEvent.Parse(claimed.Content), connection, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Counts a failed processing attempt; after the last one the event is marked failed and no longer retried.</summary>
    public async Task RecordFailureAsync(long id, string error, int maxAttempts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update wecom_callback_event
            set attempts = attempts + 1, last_error = @error,
                status = case when attempts + 1 >= @maxAttempts then 'failed' else status end
            where id = @id and status = 'pending'
            """,
            new { id, error, maxAttempts }, cancellationToken: ct));
    }
}

/// <summary>A pending event locked for processing; finishing records what was done and commits.</summary>
public sealed class ClaimedCallback(long id, CallbackEvent callback, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public long Id { get; } = id;

    public CallbackEvent Event { get; } = callback;

    public async Task FinishAsync(ClickResult result, DateTimeOffset at, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update wecom_callback_event
            set status = 'processed', processed_at = @at, attempts = attempts + 1,
                result = @Result, card_text = @CardText, card_updated = @CardUpdated, last_error = @Error
            where id = @Id
            """,
            new { Id, at, result.Result, result.CardText, result.CardUpdated, result.Error }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

public static class CallbackEventStatus
{
    public const string Pending = "pending";
    public const string Processed = "processed";
    public const string Ignored = "ignored";
    public const string Failed = "failed";
}
