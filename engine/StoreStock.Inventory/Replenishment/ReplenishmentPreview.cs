using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Inventory.Replenishment;

/// <summary>What a store would be suggested to order if its run started now; writes nothing.</summary>
public sealed class ReplenishmentPreview(NpgsqlDataSource dataSource, StoreInScope stores, ReplenishmentPlanner planner)
{
    public async Task<Outcome<IReadOnlyList<SuggestedLine>>> PreviewAsync(Caller caller, string? storeCode, CancellationToken ct)
    {
        var store = await stores.ResolveAsync(caller, storeCode, "store", ct);
        if (!store.Succeeded)
        {
            return store.Errors is { } errors ? errors : store.Failure!;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await planner.SuggestAsync(connection, null, [store.Value], planner.Today(), ct)).ToList();
    }
}
