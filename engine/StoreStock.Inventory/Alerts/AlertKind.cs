namespace StoreStock.Inventory.Alerts;

/// <summary>The kinds and statuses of a stock alert, as stored in <c>stock_alert</c>.</summary>
public static class AlertKind
{
    public const string LowStock = "low_stock";           // 低库存
    public const string Overstock = "overstock";          // 库存积压，建议促销
    public const string NoSale = "no_sale";               // 滞销（连续无销售）
    public const string NegativeStock = "negative_stock"; // 负库存

    public static readonly string[] All = [LowStock, Overstock, NoSale, NegativeStock];

    /// <summary>Days without a sale, while in stock, after which a product that sold before raises a no-sale alert.</summary>
    public const int NoSaleDays = 3;
}

public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly string[] All = [Open, Acknowledged, Resolved];
}
