using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Removes a store's override, so the product's defaults apply there again.</summary>
public sealed class ClearStorePolicy(InventoryDatabase database)
{
    public async Task<Outcome<EffectivePolicy>> ExecuteAsync(Caller caller, string storeCode, string sku, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        return await database.InTransactionAsync<Outcome<EffectivePolicy>>(async (connection, transaction) =>
        {
            var target = await StorePolicyTarget.LoadAsync(connection, transaction, storeCode, sku, cancellationToken);
            if (target.Value is not { } found)
            {
                return target.Failure!;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "delete from store_product_policy where store_id = @StoreId and product_id = @ProductId",
                new { found.StoreId, found.ProductId },
                transaction,
                cancellationToken: cancellationToken));
            return (found with { StoreOverride = null }).Effective();
        }, cancellationToken);
    }
}
