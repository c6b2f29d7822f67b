using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using StoreStock.WeCom.Delivery;

namespace StoreStock.Host.Workflows;

/// <summary>Store and people names for WeCom cards, from the organisation tables; store names are cached (they rarely change).</summary>
public sealed class CardDirectory(NpgsqlDataSource dataSource) : ICardDirectory
{
    private readonly ConcurrentDictionary<int, string?> _stores = new();

    public async Task<string?> StoreNameAsync(int storeId, CancellationToken ct)
    {
        if (_stores.TryGetValue(storeId, out var cached))
        {
            return cached;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("select name from store where id = @storeId", new { storeId }, cancellationToken: ct));
        return _stores[storeId] = name;
    }

    public async Task<string> DisplayNameAsync(string username, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select display_name from app_user where username = @username", new { username }, cancellationToken: ct)) ?? username;
    }
}
