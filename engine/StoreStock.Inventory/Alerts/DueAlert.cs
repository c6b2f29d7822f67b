namespace StoreStock.Inventory.Alerts;

/// <summary>An open alert whose (re)notification is due now, with what a message about it needs.</summary>
public sealed class DueAlert : AlertFigures
{
    public int StoreId { get; init; }

    public string StoreName { get; init; } = "";

    public int LocationId { get; init; }

    public int ProductId { get; init; }

    /// <summary>Opened by this check (a first notification), not a reminder.</summary>
    public bool IsNew { get; init; }
}

/// <summary>What one check changed, and the alerts to notify about in the same transaction.</summary>
public sealed record AlertCheckResult(int Opened, int Refreshed, int Resolved, bool SummaryRebuilt, IReadOnlyList<DueAlert> Due);
