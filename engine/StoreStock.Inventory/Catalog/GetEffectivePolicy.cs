using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>The policy that applies to a product at a store: the store's override, field by field, over the product's defaults.</summary>
public sealed class GetEffectivePolicy(InventoryDatabase database, ScopeGuard scope)
{
    public async Task<Outcome<EffectivePolicy>> ExecuteAsync(Caller caller, string storeCode, string sku, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var target = await StorePolicyTarget.LoadAsync(connection, null, storeCode, sku, cancellationToken);
        if (target.Value is not { } found)
        {
            return target.Failure!;
        }

        if (!await scope.CanAccessStoreAsync(caller, found.StoreId, cancellationToken))
        {
            return Failure.Forbidden($"Store {storeCode} is outside your scope.");
        }

        return found.Effective();
    }
}
