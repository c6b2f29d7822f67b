using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using StoreStock.WeCom.Delivery;

namespace StoreStock.Host.Workflows;

/// <summary>Store names for WeCom cards, from the stores table, cached (they rarely change).</summary>
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
}
