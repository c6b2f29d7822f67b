namespace StoreStock.Inventory.Catalog;

/// <summary>Field names as they appear in requests and in error reports.</summary>
public static class ProductFields
{
    public const string Sku = "sku";
    public const string Name = "name";
    public const string Spec = "spec";
    public const string Unit = "unit";
    public const string CategoryCode = "categoryCode";
    public const string CostPrice = "costPrice";
    public const string SalePrice = "salePrice";
    public const string ShelfLifeDays = "shelfLifeDays";
    public const string Barcodes = "barcodes";
    public const string LowStockLine = "lowStockLine";
    public const string OverstockDays = "overstockDays";
    public const string SafetyStock = "safetyStock";
    public const string LeadTimeDays = "leadTimeDays";
    public const string OrderMultiple = "orderMultiple";

    public static string Barcode(int index) => $"{Barcodes}[{index}]";
}
