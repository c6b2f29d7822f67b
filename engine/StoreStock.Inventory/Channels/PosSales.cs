using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Channels;

/// <summary>
/// Till receipts (线下收银). A sale is a fact: it is always recorded, and a negative balance is flagged, not refused.
/// Concurrent receipts are queued and written by a few writer loops, each committing a whole batch in one
/// transaction (group commit): every caller is answered only after the commit that holds its receipt, so each
/// acknowledged receipt is durable, while the cost of a commit is shared by everyone in the batch.
/// </summary>
public sealed partial class PosSales(
    InventoryDatabase database, LedgerWriter ledger, LineResolver lines, InventoryOptions options, TimeProvider time, ILogger<PosSales> logger)
    : BackgroundService
{
    private const int WriterLoops = 2;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();

    public sealed record SaleRequest(string? ExternalId, string? StoreCode, DateTimeOffset? OccurredAt, IReadOnlyList<LineInput>? Lines);

    public sealed record SaleView(string Channel, string ExternalId, string StoreCode, DateTimeOffset OccurredAt, IReadOnlyList<OnlineOrders.OrderLine> Lines);

    private sealed record Pending(Caller Caller, string Channel, SaleRequest Request, byte[] Hash, TaskCompletionSource<StoredResult> Answer)
    {
        public string Scope => $"{Channel}:sale";
    }

    public async Task<StoredResult> RecordAsync(Caller caller, string channel, SaleRequest request, CancellationToken cancellationToken)
    {
        var errors = lines.ValidateChannelRequest("externalId", request.ExternalId, request.StoreCode, request.Lines);
        if (request.OccurredAt is { } at && at > time.GetUtcNow().AddMinutes(10))
        {
            errors.Add("occurredAt", "is in the future");
        }

        if (errors.Any)
        {
            return ChannelOperation.Invalid(errors);
        }

        if (!ChannelOperation.MayUseChannel(caller, channel))
        {
            return ChannelOperation.Refuse(403, "Channel not allowed.", $"This caller may not record sales for channel '{channel}'.");
        }

        var pending = new Pending(caller, channel, request, Idempotency.Hash(request), new(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Answer.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, WriterLoops).Select(_ => WriteLoopAsync(stoppingToken)));

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.PosBatchSize);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.PosBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch, stoppingToken);
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            var answers = await database.InTransactionAsync((c, t) => WriteBatchAsync(c, t, batch, cancellationToken), cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(answers[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1 && e is not OperationCanceledException)
        {
            // One receipt that breaks the batch must not sink the others: write them one by one.
            LogBatchFailed(e, batch.Count);
            foreach (var pending in batch)
            {
                await CommitAsync([pending], cancellationToken);
            }
        }
        catch (Exception e)
        {
            batch[0].Answer.TrySetException(e);
        }
    }

    private async Task<StoredResult[]> WriteBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        var answers = new StoredResult[batch.Count];
        var accepted = await ResolveAsync(connection, transaction, batch, answers);
        var claimed = await ClaimAsync(connection, transaction, batch, accepted, answers);

        var moves = claimed.SelectMany(i => accepted[i].Lines.Select(l => new StockMove(
            accepted[i].LocationId, l.ProductId, MoveKind.Sale, -l.Quantity,
            Channel: batch[i].Channel, ExternalRef: batch[i].Request.ExternalId, OccurredAt: batch[i].Request.OccurredAt, Actor: batch[i].Caller.Actor))).ToList();
        if (moves.Count > 0)
        {
            await ledger.ApplyAsync(connection, transaction, moves, "system", cancellationToken: cancellationToken);
        }

        return answers;
    }

    private sealed record Accepted(int LocationId, IReadOnlyList<ResolvedLine> Lines, StoredResult Answer);

    /// <summary>Finds each receipt's store binding and products with two queries for the whole batch.</summary>
    private async Task<Dictionary<int, Accepted>> ResolveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Pending> batch, StoredResult[] answers)
    {
        var bindings = (await connection.QueryAsync<(string Code, string Channel, int StoreId, int LocationId)>(
                """
                select s.code, sc.channel, s.id, sc.location_id from store s join store_channel sc on sc.store_id = s.id
                where s.is_active and s.code = any(@codes) and sc.channel = any(@channels)
                """,
                new { codes = batch.Select(p => p.Request.StoreCode!).Distinct().ToArray(), channels = batch.Select(p => p.Channel).Distinct().ToArray() },
                transaction))
            .ToDictionary(b => (b.Code, b.Channel), b => (b.StoreId, b.LocationId));
        var products = await LineResolver.FindProductsAsync(connection, batch.SelectMany(p => p.Request.Lines!.Select(l => l.Code!.Trim())), transaction);

        var accepted = new Dictionary<int, Accepted>();
        var now = time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i].Request;
            if (!bindings.TryGetValue((request.StoreCode!, batch[i].Channel), out var binding))
            {
                answers[i] = ChannelOperation.Invalid("storeCode", $"no active store '{request.StoreCode}' sells through channel '{batch[i].Channel}'");
                continue;
            }

            if (!ChannelOperation.MayActAtStore(batch[i].Caller, binding.StoreId))
            {
                answers[i] = ChannelOperation.Refuse(403, "Store not allowed.", $"This API key is not bound to store '{request.StoreCode}'.");
                continue;
            }

            var errors = new FieldErrors();
            var merged = LineResolver.Resolve(request.Lines!, products, errors);
            if (errors.Any)
            {
                answers[i] = ChannelOperation.Invalid(errors);
                continue;
            }

            var view = new SaleView(batch[i].Channel, request.ExternalId!, request.StoreCode!, request.OccurredAt ?? now,
                merged.Select(l => new OnlineOrders.OrderLine(l.Sku, l.Quantity)).ToList());
            accepted[i] = new Accepted(binding.LocationId, merged, ChannelOperation.Ok(201, view));
        }

        return accepted;
    }

    /// <summary>
    /// Claims every accepted receipt's key in one statement. A key claimed earlier (or by an earlier receipt in this
    /// batch) makes the receipt a replay of the first answer, or a 409 when its content differs. Returns the indexes
    /// of the receipts to write.
    /// </summary>
    private async Task<List<int>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Pending> batch, Dictionary<int, Accepted> accepted, StoredResult[] answers)
    {
        var firstByKey = new Dictionary<(string, string), int>();
        var candidates = new List<int>();
        foreach (var i in accepted.Keys.Order())
        {
            var key = (batch[i].Scope, batch[i].Request.ExternalId!);
            if (firstByKey.TryGetValue(key, out var first))
            {
                answers[i] = batch[first].Hash.AsSpan().SequenceEqual(batch[i].Hash) ? accepted[first].Answer with { Replayed = true } : Idempotency.KeyReusedConflict(key.Item2);
                continue;
            }

            firstByKey[key] = i;
            candidates.Add(i);
        }

        if (candidates.Count == 0)
        {
            return candidates;
        }

        var claimedKeys = (await connection.QueryAsync<(string Scope, string Key)>(
                """
                insert into idempotency_record (scope, key, request_hash, status_code, response, created_at)
                select s, k, h, 201, r::json, @now from unnest(@scopes, @keys, @hashes, @responses) as t(s, k, h, r)
                on conflict do nothing
                returning scope, key
                """,
                new
                {
                    scopes = candidates.Select(i => batch[i].Scope).ToArray(),
                    keys = candidates.Select(i => batch[i].Request.ExternalId!).ToArray(),
                    hashes = candidates.Select(i => batch[i].Hash).ToArray(),
                    responses = candidates.Select(i => accepted[i].Answer.Body.GetRawText()).ToArray(),
                    now = time.GetUtcNow(),
                },
                transaction))
            .ToHashSet();

        var claimed = new List<int>();
        var replays = new List<int>();
        foreach (var i in candidates)
        {
            if (claimedKeys.Contains((batch[i].Scope, batch[i].Request.ExternalId!)))
            {
                answers[i] = accepted[i].Answer;
                claimed.Add(i);
            }
            else
            {
                replays.Add(i);
            }
        }

        if (replays.Count > 0)
        {
            var stored = (await connection.QueryAsync<(string Scope, string Key, byte[] Hash, int Status, string Response)>(
                    """
                    select r.scope, r.key, r.request_hash, r.status_code, r.response::text
                    from idempotency_record r join unnest(@scopes, @keys) as t(s, k) on r.scope = t.s and r.key = t.k
                    """,
                    new { scopes = replays.Select(i => batch[i].Scope).ToArray(), keys = replays.Select(i => batch[i].Request.ExternalId!).ToArray() },
                    transaction))
                .ToDictionary(r => (r.Scope, r.Key));
            foreach (var i in replays)
            {
                var row = stored[(batch[i].Scope, batch[i].Request.ExternalId!)];
                answers[i] = Idempotency.Replay(row.Hash, row.Status, row.Response, batch[i].Hash, row.Key);
            }
        }

        return claimed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} till receipts failed; writing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);
}
