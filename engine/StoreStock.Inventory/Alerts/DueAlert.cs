namespace StoreStock.Inventory.Alerts;

/// <summary>An open alert whose (re)notification is due now, with what a message about it needs.</summary>
public sealed class DueAlert
{
    public long Id { get; init; }

    public int StoreId { get; init; }

    public string StoreCode { get; init; } = "";

    public string StoreName { get; init; } = "";

    public int LocationId { get; init; }

    public int ProductId { get; init; }

    public string Sku { get; init; } = "";

    public string ProductName { get; init; } = "";

    public string Unit { get; init; } = "";

    public string Kind { get; init; } = "";

    public decimal Available { get; init; }

    public decimal OnHand { get; init; }

    public decimal LowLine { get; init; }

    public int OverstockDays { get; init; }

    public decimal AvgDailySales { get; init; }

    public int? DaysWithoutSale { get; init; }

    /// <summary>Opened by this check (a first notification), not a reminder.</summary>
    public bool IsNew { get; init; }
}

/// <summary>What one check changed, and the alerts to notify about in the same transaction.</summary>
public sealed record AlertCheckResult(int Opened, int Refreshed, int Resolved, bool SummaryRebuilt, IReadOnlyList<DueAlert> Due);
