namespace StoreStock.Inventory.Alerts;

/// <summary>An alert as the API lists it: the store and product it is about, its figures at detection, its story.</summary>
public sealed class AlertView : AlertFigures
{
    public string Status { get; init; } = "";

    public string LocationCode { get; init; } = "";

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? LastNotifiedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    internal const string Select = """
        select a.id, a.kind, a.status, s.code as StoreCode, l.code as LocationCode, p.sku, p.name as ProductName, p.unit,
               a.available, a.on_hand as OnHand, a.low_line as LowLine, a.overstock_days as OverstockDays,
               a.avg_daily_sales as AvgDailySales, a.days_without_sale as DaysWithoutSale, a.opened_at as OpenedAt,
               a.last_notified_at as LastNotifiedAt, a.acknowledged_by as AcknowledgedBy, a.acknowledged_at as AcknowledgedAt,
               a.resolved_at as ResolvedAt
        from stock_alert a
        join store s on s.id = a.store_id
        join location l on l.id = a.location_id
        join product p on p.id = a.product_id
        """;
}
