using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Auth;

/// <summary>
/// Authenticates integrations by the X-Api-Key header; a key is bound to channels and stores. A verified key is
/// remembered for <see cref="CacheFor"/> so busy tills do not cost a lookup per request; a revocation therefore
/// takes effect within that time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> Verified = new(StringComparer.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Secrets.HashApiKey(presented);
        var cacheKey = Convert.ToBase64String(hash);
        var now = time.GetUtcNow();
        if (!Verified.TryGetValue(cacheKey, out var entry) || entry.Until < now)
        {
            var caller = await LookUpAsync(presented, hash);
            if (caller is null)
            {
                Verified.TryRemove(cacheKey, out _);
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            }

            entry = (caller, now + CacheFor);
            Verified[cacheKey] = entry;
        }

        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(entry.Caller, SchemeName), SchemeName));
    }

    private async Task<Caller?> LookUpAsync(string presented, byte[] hash)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Context.RequestAborted);
        var key = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            "select name, key_hash as KeyHash, channels, store_ids as StoreIds from api_key where key_prefix = @prefix and revoked_at is null",
            new { prefix = Secrets.PrefixOf(presented) });
        return key is null || !CryptographicOperations.FixedTimeEquals(key.KeyHash, hash)
            ? null
            : Caller.ForApiKey(key.Name, key.Channels, key.StoreIds);
    }

    private sealed class ApiKeyRow
    {
        public string Name { get; init; } = "";

        public byte[] KeyHash { get; init; } = [];

        public string[] Channels { get; init; } = [];

        public int[] StoreIds { get; init; } = [];
    }
}
