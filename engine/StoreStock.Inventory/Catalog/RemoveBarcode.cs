using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Removes a barcode from a product; the last one stays, so every product can still be scanned.</summary>
public sealed class RemoveBarcode(InventoryDatabase database, TimeProvider time)
{
    public async Task<Outcome<ProductView>> ExecuteAsync(Caller caller, string sku, string barcode, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        return await database.InTransactionAsync<Outcome<ProductView>>(async (connection, transaction) =>
        {
            // Two removals at once must not leave the product without a barcode.
            await connection.ExecuteAsync(new CommandDefinition(
                "select 1 from product where sku = @sku for update", new { sku }, transaction, cancellationToken: cancellationToken));
            var product = await ProductQueries.BySkuAsync(connection, transaction, sku, cancellationToken);
            if (product is null)
            {
                return Failure.NotFound($"There is no product with SKU '{sku}'.");
            }

            if (!product.View.Barcodes.Any(b => b.Code == barcode))
            {
                return Failure.NotFound($"Product {sku} has no barcode '{barcode}'.");
            }

            if (product.View.Barcodes.Count == 1)
            {
                return Failure.Conflict($"'{barcode}' is the last barcode of product {sku}; add another one before removing it.");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                delete from product_barcode where barcode = @barcode and product_id = @productId;
                update product set updated_at = @now where id = @productId;
                """,
                new { barcode, productId = product.Id, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            return (await ProductQueries.BySkuAsync(connection, transaction, sku, cancellationToken))!.View;
        }, cancellationToken);
    }
}
