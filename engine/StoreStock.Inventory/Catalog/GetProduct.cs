using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>One product by SKU, or by any of its barcodes (what a scanner reads).</summary>
public sealed class GetProduct(InventoryDatabase database)
{
    public async Task<Outcome<ProductView>> BySkuAsync(string sku, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var product = await ProductQueries.BySkuAsync(connection, null, sku, cancellationToken);
        return product is null ? Failure.NotFound($"There is no product with SKU '{sku}'.") : product.View;
    }

    public async Task<Outcome<ProductView>> ByBarcodeAsync(string barcode, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var product = await ProductQueries.ByBarcodeAsync(connection, barcode.Trim(), cancellationToken);
        return product is null ? Failure.NotFound($"No product has the barcode '{barcode}'.") : product.View;
    }
}
