using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Auth;

/// <summary>Authenticates integrations by the X-Api-Key header; a key is bound to channels and stores.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(Context.RequestAborted);
        var key = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            "select name, key_hash as KeyHash, channels, store_ids as StoreIds from api_key where key_prefix = @prefix and revoked_at is null",
            new { prefix = Secrets.PrefixOf(presented) });
        if (key is null || !CryptographicOperations.FixedTimeEquals(key.KeyHash, Secrets.HashApiKey(presented)))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var caller = Caller.ForApiKey(key.Name, key.Channels, key.StoreIds);
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));
    }

    private sealed record ApiKeyRow(string Name, byte[] KeyHash, string[] Channels, int[] StoreIds);
}
