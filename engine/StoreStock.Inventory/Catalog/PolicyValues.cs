namespace StoreStock.Inventory.Catalog;

/// <summary>The stock policy of a product: alert thresholds and replenishment parameters.</summary>
public sealed record PolicyValues(
    decimal LowStockLine,
    int OverstockDays,
    decimal SafetyStock,
    int LeadTimeDays,
    decimal OrderMultiple)
{
    public const int DefaultOverstockDays = 30;
    public const int DefaultLeadTimeDays = 2;

    public static readonly PolicyValues Defaults = new(0, DefaultOverstockDays, 0, DefaultLeadTimeDays, 1);
}

/// <summary>A store's override of a product's policy; a null field falls back to the product's value.</summary>
public sealed record PolicyOverride(
    decimal? LowStockLine,
    int? OverstockDays,
    decimal? SafetyStock,
    int? LeadTimeDays,
    decimal? OrderMultiple)
{
    public bool IsEmpty() => LowStockLine is null && OverstockDays is null && SafetyStock is null && LeadTimeDays is null && OrderMultiple is null;

    public PolicyValues Over(PolicyValues productDefault) => new(
        LowStockLine ?? productDefault.LowStockLine,
        OverstockDays ?? productDefault.OverstockDays,
        SafetyStock ?? productDefault.SafetyStock,
        LeadTimeDays ?? productDefault.LeadTimeDays,
        OrderMultiple ?? productDefault.OrderMultiple);
}
