using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Replenishment;

/// <summary>A store named by its code, when the caller may act on it: 404 when there is none, 403 outside the scope.</summary>
public sealed class StoreInScope(NpgsqlDataSource dataSource, ScopeGuard scopeGuard)
{
    public async Task<Outcome<int>> ResolveAsync(Caller caller, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return FieldErrors.Of(field, "需要门店编码 (a store code is required)");
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var store = await StoreByCode.FindAsync(connection, code, cancellationToken: ct);
        if (store is null)
        {
            return Failure.NotFound($"门店 {code} 不存在 (store not found)");
        }

        return await scopeGuard.CanAccessStoreAsync(caller, store.Id, ct)
            ? store.Id
            : Failure.Forbidden($"门店 {code} 不在你的范围内 (the store is outside your scope)");
    }

    /// <summary>The active stores inside the caller's scope (every one for the system's own run: null), in id order.</summary>
    public async Task<IReadOnlyList<int>> ActiveStoresAsync(Caller? caller, CancellationToken ct)
    {
        var (scope, parameters) = caller is null ? ("true", new { }) : ScopeGuard.StoreFilter(caller, "id");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<int>(new CommandDefinition($"select id from store where is_active and {scope} order by id", parameters, cancellationToken: ct))).AsList();
    }
}
