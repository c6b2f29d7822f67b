using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Shared;

/// <summary>A store as a request names it, by its code: what the operations that take a store code need of it.</summary>
public sealed record StoreByCode(int Id, int SellingLocationId, int RegionId, bool IsActive)
{
    /// <returns>The store with that code, active or not; null when there is none.</returns>
    public static Task<StoreByCode?> FindAsync(
        NpgsqlConnection connection, string code, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default) =>
        connection.QuerySingleOrDefaultAsync<StoreByCode?>(new CommandDefinition(
            "select id, selling_location_id, region_id, is_active from store where code = @code",
            new { code }, transaction, cancellationToken: cancellationToken));
}
