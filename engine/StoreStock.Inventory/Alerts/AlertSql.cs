namespace StoreStock.Inventory.Alerts;

/// <summary>The statements of <see cref="AlertCheck"/>.</summary>
public static class AlertSql
{
    /// <summary>
    /// One check at a time. The check of every row hashes about a million stock rows against the summary: in memory, for
    /// this transaction only. No JIT: compiling its expressions took longer than running them.
    /// </summary>
    public const string Prepare = "select pg_advisory_xact_lock(@LockKey); set local work_mem = '256MB'; set local jit = off;";

    /// <summary>When the last check ran (none: evaluate every row), and the last policy change queued so far.</summary>
    public const string LastCheck = "select (select checked_at from alert_check_state), coalesce((select max(id) from alert_recheck), 0)";

    /// <summary>The policy changes up to <c>@recheckUpTo</c> were evaluated; the check ran <c>@now</c>.</summary>
    public const string RecordCheck = """
        with evaluated as (delete from alert_recheck where id <= @recheckUpTo)
        insert into alert_check_state (checked_at) values (@now) on conflict (only_row) do update set checked_at = excluded.checked_at
        """;

    /// <summary>
    /// The alerts to notify now, marked notified: those the check just opened (<c>@opened</c>, marked as it opened them),
    /// and the open ones never notified or last notified before the cut-off, found through their partial index.
    /// </summary>
    public const string MarkDue = """
        with renotified as (
            update stock_alert set last_notified_at = @now
            where status = 'open' and (last_notified_at is null or last_notified_at <= @notifiedBefore)
            returning id
        ), due as (
            select id from renotified
            union
            select unnest(@opened::bigint[])
        )
        select a.id, a.store_id as StoreId, s.code as StoreCode, s.name as StoreName, a.location_id as LocationId,
               a.product_id as ProductId, p.sku, p.name as ProductName, p.unit, a.kind, a.available, a.on_hand as OnHand,
               a.low_line as LowLine, a.overstock_days as OverstockDays, a.avg_daily_sales as AvgDailySales,
               a.days_without_sale as DaysWithoutSale, a.opened_at = @now as IsNew
        from due
        join stock_alert a on a.id = due.id
        join store s on s.id = a.store_id
        join product p on p.id = a.product_id
        """;
}
