using StoreStock.Inventory.Catalog.Import;

namespace StoreStock.Inventory.Catalog.Export;

/// <summary>The columns of a stock export.</summary>
public static class StockColumns
{
    public static readonly IReadOnlyList<ColumnSpec> All =
    [
        new("location", "库位编码", "Location"),
        new("locationName", "库位名称", "LocationName"),
        new("sku", "商品编码", "SKU"),
        new("name", "商品名称", "Name"),
        new("onHand", "在库", "OnHand"),
        new("reserved", "已预留", "Reserved"),
        new("inTransit", "在途", "InTransit"),
        new("available", "可用", "Available"),
    ];
}
