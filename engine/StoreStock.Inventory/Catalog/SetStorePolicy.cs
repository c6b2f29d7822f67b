using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Sets a store's override of a product's policy. Fields left null fall back to the product's defaults.</summary>
public sealed class SetStorePolicy(InventoryDatabase database, InventoryOptions options)
{
    public async Task<Outcome<EffectivePolicy>> ExecuteAsync(
        Caller caller, string storeCode, string sku, PolicyOverride policy, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        PolicyRules.Check(policy, options.MaxLineQuantity, errors);
        if (errors.Any)
        {
            return errors;
        }

        return await database.InTransactionAsync<Outcome<EffectivePolicy>>(async (connection, transaction) =>
        {
            var target = await StorePolicyTarget.LoadAsync(connection, transaction, storeCode, sku, cancellationToken);
            if (target.Value is not { } found)
            {
                return target.Failure!;
            }

            var sql = policy.IsEmpty()
                ? "delete from store_product_policy where store_id = @StoreId and product_id = @ProductId"
                : """
                  insert into store_product_policy (store_id, product_id, low_stock_line, overstock_days, safety_stock, lead_time_days, order_multiple)
                  values (@StoreId, @ProductId, @LowStockLine, @OverstockDays, @SafetyStock, @LeadTimeDays, @OrderMultiple)
                  on conflict (store_id, product_id) do update set
                      low_stock_line = excluded.low_stock_line, overstock_days = excluded.overstock_days,
                      safety_stock = excluded.safety_stock, lead_time_days = excluded.lead_time_days,
                      order_multiple = excluded.order_multiple
                  """;
            await connection.ExecuteAsync(new CommandDefinition(
                sql,
                new { found.StoreId, found.ProductId, policy.LowStockLine, policy.OverstockDays, policy.SafetyStock, policy.LeadTimeDays, policy.OrderMultiple },
                transaction,
                cancellationToken: cancellationToken));
            return (found with { StoreOverride = policy.IsEmpty() ? null : policy }).Effective();
        }, cancellationToken);
    }
}
