using System.Text.Json;
using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Channels;

/// <summary>
/// The frame every channel write runs in: one transaction that claims (channel operation, external id), checks the
/// caller may use that channel at that store, runs the operation, and stores its answer. A refusal (4xx) rolls
/// everything back.
/// </summary>
public sealed class ChannelOperation(InventoryDatabase database, LineResolver lines, TimeProvider time)
{
    public sealed record Binding(int StoreId, string StoreCode, int LocationId);

    /// <summary>A channel write's request for stock lines at a store: what the frame checks before the operation runs.</summary>
    public sealed record LinesRequest(string Operation, string IdField, string? ExternalId, string? StoreCode, IReadOnlyList<LineInput>? Lines, byte[] Hash);

    /// <summary>
    /// Checks the request, claims its id, binds the store's location for the channel and resolves the lines, then
    /// runs <paramref name="operation"/> with them. Any refusal along the way changes nothing.
    /// </summary>
    public async Task<StoredResult> RunOnLinesAsync(
        Caller caller,
        string channel,
        LinesRequest request,
        Func<NpgsqlConnection, NpgsqlTransaction, Binding, IReadOnlyList<ResolvedLine>, Task<StoredResult>> operation,
        CancellationToken cancellationToken)
    {
        var errors = lines.ValidateChannelRequest(request.IdField, request.ExternalId, request.StoreCode, request.Lines);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        return await RunAsync($"{channel}:{request.Operation}", request.ExternalId!, request.Hash, async (connection, transaction) =>
        {
            var (binding, refusal) = await BindAsync(connection, transaction, caller, channel, request.StoreCode!);
            if (binding is null)
            {
                return refusal!;
            }

            var resolved = await LineResolver.ResolveAsync(connection, request.Lines!, errors, transaction);
            return errors.Any ? Invalid(errors) : await operation(connection, transaction, binding, resolved);
        }, cancellationToken);
    }

    public async Task<StoredResult> RunAsync(
        string scope,
        string externalId,
        byte[] requestHash,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<StoredResult>> operation,
        CancellationToken cancellationToken)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var stored = await Idempotency.ClaimAsync(connection, transaction, scope, externalId, requestHash, time.GetUtcNow());
            if (stored is not null)
            {
                return stored;
            }

            var result = await operation(connection, transaction);
            return result.StatusCode >= 400
                ? result
                : await Idempotency.CompleteAsync(connection, transaction, scope, externalId, result.StatusCode, result.Body);
        }, cancellationToken, commitWhen: result => !result.Replayed && result.StatusCode < 400);
    }

    /// <summary>Finds the location the store deducts from for the channel, and checks the caller may act there.</summary>
    public static async Task<(Binding? Binding, StoredResult? Refusal)> BindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Caller caller, string channel, string storeCode)
    {
        if (!MayUseChannel(caller, channel))
        {
            return (null, Refuse(403, "Channel not allowed.", $"This API key is not bound to channel '{channel}'."));
        }

        var binding = await connection.QuerySingleOrDefaultAsync<Binding>(
            """
            select s.id as StoreId, s.code as StoreCode, sc.location_id as LocationId
            from store s join store_channel sc on sc.store_id = s.id and sc.channel = @channel
            where s.code = @storeCode and s.is_active
            """,
            new { channel, storeCode },
            transaction);
        if (binding is null)
        {
            return (null, Invalid("storeCode", $"no active store '{storeCode}' sells through channel '{channel}'"));
        }

        if (!MayActAtStore(caller, binding.StoreId))
        {
            return (null, Refuse(403, "Store not allowed.", $"This API key is not bound to store '{storeCode}'."));
        }

        return (binding, null);
    }

    /// <summary>Channel writes come from integrations bound to the channel, or from HQ.</summary>
    public static bool MayUseChannel(Caller caller, string channel) => caller.IsApiKey ? caller.Channels.Contains(channel) : caller.IsHq;

    /// <summary>An integration acts only at the stores its key is bound to; HQ anywhere.</summary>
    public static bool MayActAtStore(Caller caller, int storeId) => caller.IsApiKey ? caller.ApiKeyStoreIds.Contains(storeId) : caller.IsHq;

    public static bool MayAct(Caller caller, string channel, int storeId) => MayUseChannel(caller, channel) && MayActAtStore(caller, storeId);

    public static StoredResult Ok(int statusCode, object body) => new(statusCode, JsonSerializer.SerializeToElement(body, Idempotency.JsonOptions));

    public static StoredResult Refuse(int status, string title, string detail, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["title"] = title, ["status"] = status, ["detail"] = detail };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra, Idempotency.JsonOptions).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return new StoredResult(status, JsonSerializer.SerializeToElement(body, Idempotency.JsonOptions));
    }

    public static StoredResult Invalid(FieldErrors errors) =>
        Refuse(400, "The request is not valid.", errors.Describe(), new { errors = errors.ByField });

    public static StoredResult Invalid(string field, string reason) => Invalid(FieldErrors.Of(field, reason));
}
