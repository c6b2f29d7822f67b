using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Shared;

/// <summary>The answer an operation gave, kept so a replay returns it unchanged.</summary>
public sealed record StoredResult(int StatusCode, JsonElement Body, bool Replayed = false);

/// <summary>
/// Exactly-once external writes (invariant 4). An operation claims (scope, key) inside its own transaction before
/// doing anything; a concurrent duplicate blocks on that row until the first commits, then sees the stored answer.
/// Refusals roll back with everything else, so a refused request can be retried with the same key.
/// </summary>
public static class Idempotency
{
    public static byte[] Hash<T>(T request) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request));

    /// <summary>Returns null when the key is new (and now claimed), else the stored result or a 409 for different content.</summary>
    public static async Task<StoredResult?> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string key, byte[] requestHash, DateTimeOffset now)
    {
        var claimed = await connection.ExecuteScalarAsync<bool>(
            """
            with claim as (
                insert into idempotency_record (scope, key, request_hash, status_code, response, created_at)
                values (@scope, @key, @requestHash, 0, 'null', @now)
                on conflict do nothing
                returning 1)
            select exists (select 1 from claim)
            """,
            new { scope, key, requestHash, now },
            transaction);
        if (claimed)
        {
            return null;
        }

        var stored = await connection.QuerySingleAsync<(byte[] Hash, int Status, string Response)>(
            "select request_hash, status_code, response::text from idempotency_record where scope = @scope and key = @key",
            new { scope, key },
            transaction);
        return Replay(stored.Hash, stored.Status, stored.Response, requestHash, key);
    }

    /// <summary>A stored answer for a repeated key: the first answer again, or a 409 when the content differs.</summary>
    public static StoredResult Replay(byte[] storedHash, int storedStatus, string storedResponse, byte[] requestHash, string key) =>
        storedHash.AsSpan().SequenceEqual(requestHash)
            ? new StoredResult(storedStatus, JsonDocument.Parse(storedResponse).RootElement, Replayed: true)
            : KeyReusedConflict(key);

    public static async Task<StoredResult> CompleteAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string key, int statusCode, T body)
    {
        var json = JsonSerializer.SerializeToElement(body, JsonOptions);
        await connection.ExecuteAsync(
            "update idempotency_record set status_code = @statusCode, response = @response::json where scope = @scope and key = @key",
            new { scope, key, statusCode, response = json.GetRawText() },
            transaction);
        return new StoredResult(statusCode, json);
    }

    public static StoredResult KeyReusedConflict(string key) => new(
        409,
        JsonSerializer.SerializeToElement(new
        {
            title = "Idempotency key reused with different content.",
            status = 409,
            detail = $"'{key}' was already used for a different request; the first request stands.",
        }));

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
