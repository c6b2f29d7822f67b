using Dapper;
using Npgsql;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>A product's stock policy at one store: the product's defaults, the store's override and what applies.</summary>
public sealed record EffectivePolicy(string StoreCode, string Sku, PolicyValues Effective, PolicyValues ProductDefault, PolicyOverride? StoreOverride);

/// <summary>The store and product a policy request names, with the current policy rows.</summary>
public sealed record StorePolicyTarget(int StoreId, int ProductId, string StoreCode, string Sku, PolicyValues ProductDefault, PolicyOverride? StoreOverride)
{
    public EffectivePolicy Effective() =>
        new(StoreCode, Sku, StoreOverride?.Over(ProductDefault) ?? ProductDefault, ProductDefault, StoreOverride);

    public static async Task<Outcome<StorePolicyTarget>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string storeCode, string sku, CancellationToken cancellationToken)
    {
        var storeId = (await StoreByCode.FindAsync(connection, storeCode, transaction, cancellationToken))?.Id;
        if (storeId is null)
        {
            return Failure.NotFound($"There is no store with code '{storeCode}'.");
        }

        var product = await ProductQueries.BySkuAsync(connection, transaction, sku, cancellationToken);
        if (product is null)
        {
            return Failure.NotFound($"There is no product with SKU '{sku}'.");
        }

        var row = await connection.QuerySingleOrDefaultAsync<OverrideRow>(new CommandDefinition(
            """
            select low_stock_line as LowStockLine, overstock_days as OverstockDays, safety_stock as SafetyStock,
                   lead_time_days as LeadTimeDays, order_multiple as OrderMultiple
            from store_product_policy where store_id = @storeId and product_id = @productId
            """,
            new { storeId, productId = product.Id }, transaction, cancellationToken: cancellationToken));
        var storeOverride = row is null ? null : new PolicyOverride(row.LowStockLine, row.OverstockDays, row.SafetyStock, row.LeadTimeDays, row.OrderMultiple);
        return new StorePolicyTarget(storeId.Value, product.Id, storeCode, sku, product.View.DefaultPolicy(), storeOverride);
    }

    private sealed record OverrideRow(decimal? LowStockLine, int? OverstockDays, decimal? SafetyStock, int? LeadTimeDays, decimal? OrderMultiple);
}
