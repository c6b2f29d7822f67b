namespace StoreStock.Inventory.Alerts;

/// <summary>What an alert is about and its figures at detection (refreshed while it is open).</summary>
public abstract class AlertFigures
{
    public long Id { get; init; }

    public string Kind { get; init; } = "";

    public string StoreCode { get; init; } = "";

    public string Sku { get; init; } = "";

    public string ProductName { get; init; } = "";

    public string Unit { get; init; } = "";

    public decimal Available { get; init; }

    public decimal OnHand { get; init; }

    public decimal LowLine { get; init; }

    public int OverstockDays { get; init; }

    public decimal AvgDailySales { get; init; }

    public int? DaysWithoutSale { get; init; }
}
