namespace StoreStock.Inventory.Catalog.Import;

/// <summary>The columns of a products file, in export order.</summary>
public static class ProductColumns
{
    public static readonly IReadOnlyList<ColumnSpec> All =
    [
        new(ProductFields.Sku, "商品编码", "SKU", "编码", "货号", "商品SKU", "ProductCode"),
        new(ProductFields.Name, "商品名称", "Name", "名称", "品名", "ProductName"),
        new(ProductFields.Spec, "规格", "Spec", "规格型号", "Specification"),
        new(ProductFields.Unit, "单位", "Unit", "计量单位"),
        new(ProductFields.CategoryCode, "分类", "Category", "分类编码", "类别", "商品分类", "CategoryCode"),
        new(ProductFields.CostPrice, "进价", "CostPrice", "成本价", "成本", "进货价", "Cost"),
        new(ProductFields.SalePrice, "售价", "SalePrice", "零售价", "销售价", "Price"),
        new(ProductFields.ShelfLifeDays, "保质期(天)", "ShelfLifeDays", "保质期", "ShelfLife"),
        new(ProductFields.Barcodes, "条码", "Barcodes", "条形码", "商品条码", "Barcode"),
        new(ProductFields.LowStockLine, "低库存线", "LowStockLine", "库存下限"),
        new(ProductFields.OverstockDays, "积压天数", "OverstockDays"),
        new(ProductFields.SafetyStock, "安全库存", "SafetyStock"),
        new(ProductFields.LeadTimeDays, "补货周期(天)", "LeadTimeDays", "补货周期", "到货周期(天)"),
        new(ProductFields.OrderMultiple, "订货倍数", "OrderMultiple", "订货倍量"),
    ];

    /// <summary>"barcodes[2]" → "barcodes": where a field's error belongs in the file.</summary>
    public static string FieldOf(string errorField)
    {
        var bracket = errorField.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? errorField : errorField[..bracket];
    }
}
