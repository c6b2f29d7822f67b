using StoreStock.Inventory.Catalog.Import;
using StoreStock.Inventory.Catalog.Spreadsheets;
using StoreStock.Inventory.Data;

namespace StoreStock.Inventory.Catalog.Export;

/// <summary>
/// Every product with its barcodes and policy defaults, in the columns the product import reads, so an exported
/// file can be edited and imported back.
/// </summary>
public sealed class ExportProducts(InventoryDatabase database, TimeProvider time)
{
    public const string BarcodeSeparator = ";";

    public async Task<ExportFile> ExecuteAsync(SheetFormat format, HeaderLanguage language, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var products = await ProductQueries.QueryAsync(connection, null, ProductQueries.Select + " order by p.sku", null, cancellationToken);
        var headers = ProductColumns.All.Select(c => c.Header(language)).ToList();
        var rows = products.Select(p => Row(p.View));
        return SheetWriter.Write(format, ExportFileName.For("products", time), headers, rows);
    }

    /// <summary>Cells in the order of <see cref="ProductColumns.All"/>.</summary>
    private static object?[] Row(ProductView p) =>
    [
        p.Sku, p.Name, p.Spec, p.Unit, p.CategoryCode, p.CostPrice, p.SalePrice, p.ShelfLifeDays,
        string.Join(BarcodeSeparator, p.Barcodes.Select(b => b.Code)),
        p.LowStockLine, p.OverstockDays, p.SafetyStock, p.LeadTimeDays, p.OrderMultiple,
    ];
}
