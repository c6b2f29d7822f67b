namespace StoreStock.Inventory.Catalog.Import;

/// <summary>The columns of an opening stock file.</summary>
public static class OpeningStockColumns
{
    public const string Location = "location";
    public const string Sku = "sku";
    public const string Barcode = "barcode";
    public const string Quantity = "quantity";
    public const string UnitCost = "unitCost";

    public static readonly IReadOnlyList<ColumnSpec> All =
    [
        new(Location, "库位", "Location", "库位编码", "门店", "门店编码", "仓库", "Store", "LocationCode", "StoreCode"),
        new(Sku, "商品编码", "SKU", "编码", "货号", "ProductCode"),
        new(Barcode, "条码", "Barcode", "条形码", "商品条码"),
        new(Quantity, "数量", "Quantity", "期初数量", "库存数量", "Qty"),
        new(UnitCost, "单价", "UnitCost", "成本", "成本价", "进价", "Cost"),
    ];
}
