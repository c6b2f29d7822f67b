using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Access;

/// <summary>Answers "may this caller act on that store / location?" (invariant 8).</summary>
public sealed class ScopeGuard(NpgsqlDataSource dataSource)
{
    public async Task<bool> CanAccessStoreAsync(Caller caller, int storeId, CancellationToken cancellationToken)
    {
        if (caller.IsHq)
        {
            return true;
        }

        if (caller.IsApiKey)
        {
            return caller.ApiKeyStoreIds.Contains(storeId);
        }

        if (caller.StoreId is { } own)
        {
            return own == storeId;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from store where id = @storeId and region_id = @regionId)",
            new { storeId, regionId = caller.RegionId },
            cancellationToken: cancellationToken));
    }

    /// <summary>A location is in scope when it belongs to a store in scope, or (for a supervisor) to the region.</summary>
    public async Task<bool> CanAccessLocationAsync(Caller caller, int locationId, CancellationToken cancellationToken)
    {
        if (caller.IsHq)
        {
            return true;
        }

        var (scopeSql, parameters) = LocationFilter(caller, "l.id");
        parameters.Add("locationId", locationId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"select exists (select 1 from location l where l.id = @locationId and {scopeSql})",
            parameters,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The SQL condition that limits a location-id column to the caller's scope: the locations of the stores in scope,
    /// and for a regional supervisor also the region's own locations (e.g. its warehouse).
    /// </summary>
    public static (string Sql, DynamicParameters Parameters) LocationFilter(Caller caller, string locationIdColumn)
    {
        var (storeFilter, storeParameters) = StoreFilter(caller, "x.store_id");
        var parameters = new DynamicParameters(storeParameters);
        if (caller.IsHq)
        {
            return ("true", parameters);
        }

        var sql = $"{locationIdColumn} in (select x.location_id from store_location x where {storeFilter})";
        if (!caller.IsApiKey && caller.StoreId is null && caller.RegionId is { } regionId)
        {
            sql = $"({sql} or {locationIdColumn} in (select id from location where region_id = @ownRegion))";
            parameters.Add("ownRegion", regionId);
        }

        return (sql, parameters);
    }

    /// <summary>The SQL condition and parameters that limit a store-id column to the caller's scope.</summary>
    public static (string Sql, object Parameters) StoreFilter(Caller caller, string storeIdColumn) => caller switch
    {
        { IsHq: true } => ("true", new { }),
        { IsApiKey: true } => ($"{storeIdColumn} = any(@scopeStores)", new { scopeStores = caller.ApiKeyStoreIds.ToArray() }),
        { StoreId: { } storeId } => ($"{storeIdColumn} = @scopeStore", new { scopeStore = storeId }),
        _ => ($"{storeIdColumn} in (select id from store where region_id = @scopeRegion)", new { scopeRegion = caller.RegionId }),
    };
}
