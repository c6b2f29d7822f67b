namespace StoreStock.Inventory.Alerts;

/// <summary>
/// The statement of <see cref="AlertCheck"/> that opens, refreshes and resolves alerts, in two shapes. The check of every
/// row reads most of each table, so it joins by hashing them. The periodic check evaluates the pairs queued since the
/// last one, a few thousand: it looks each one up by index (stock, sales summary, open alerts, today's sales, the alerts
/// it updates), in key order, whatever the planner guesses of the queue's size (<c>offset 0</c> keeps a lookup from
/// being turned into a join over the whole table; <c>= any (array(…))</c> makes an update find its alerts by id).
/// </summary>
public static class AlertCheckSql
{
    /// <summary>Returns (opened, refreshed, resolved, ids of the opened alerts).</summary>
    public static string Check(bool everything) => everything ? EveryRow : Periodic;

    private static readonly string EveryRow = Compose(EveryRowFacts, EveryRowUnresolved, byPair: false);

    private static readonly string Periodic = Compose(MovedFacts, MovedUnresolved, byPair: true);

    /// <summary>Every stock row of every active store's selling location: the first check of a business day.</summary>
    private const string EveryRowFacts = """
        evaluated as (
            select s.id as store_id, l.location_id, l.product_id, l.on_hand, l.on_hand - l.reserved as available, ss.sold_30d, ss.last_sold_day
            from stock_level l
            join store s on s.selling_location_id = l.location_id and s.is_active
            left join sales_summary ss on ss.location_id = l.location_id and ss.product_id = l.product_id
        )
        """;

    /// <summary>
    /// The pairs whose stock moved since the last check (taken out of the queue by <c>moved</c>) and whose policy changed
    /// (queued up to <c>@recheckUpTo</c>): nothing else can change a condition within a business day.
    /// </summary>
    private const string MovedFacts = """
        pairs as (
            select location_id, product_id from moved
            union
            select s.selling_location_id, r.product_id
            from alert_recheck r join store s on r.store_id is null or r.store_id = s.id
            where r.id <= @recheckUpTo
        ), evaluated as materialized (
            select s.id as store_id, c.location_id, c.product_id, l.on_hand, l.on_hand - l.reserved as available, ss.sold_30d, ss.last_sold_day
            from (select location_id, product_id from pairs order by location_id, product_id) c
            cross join lateral (
                select on_hand, reserved from stock_level l
                where l.location_id = c.location_id and l.product_id = c.product_id offset 0) l
            left join lateral (
                select sold_30d, last_sold_day from sales_summary ss
                where ss.location_id = c.location_id and ss.product_id = c.product_id offset 0) ss on true
            join store s on s.selling_location_id = c.location_id and s.is_active
        )
        """;

    private const string AlertColumns = "id, store_id, product_id, kind, available, on_hand, low_line, overstock_days, avg_daily_sales, days_without_sale";

    private const string EveryRowUnresolved = $"select {AlertColumns} from stock_alert where status <> 'resolved'";

    private const string MovedUnresolved = $"""
        select a.* from evaluated e
            cross join lateral (
                select {AlertColumns} from stock_alert a
                where a.store_id = e.store_id and a.product_id = e.product_id and a.status <> 'resolved' offset 0) a
        """;

    /// <summary>
    /// Conditions per (store, product) of the evaluated stock rows, as bits so each stock row is read once:
    /// 1 negative (on hand &lt; 0), 2 low (a low line is set and available ≤ it), 4 overstock (in stock, above the low line,
    /// and on hand above overstock days × the 30-day average daily sales; nothing sold in 30 days is an average of 0),
    /// 8 no sale (in stock, sold within the summary's 30 days but not in the last <c>noSaleDays</c> days, nor today).
    /// Then against the alerts not yet resolved of the evaluated pairs: open (notified in this check, see
    /// <see cref="AlertSql.MarkDue"/>), refresh, resolve.
    /// </summary>
    private static string Compose(string evaluated, string unresolved, bool byPair) => $"""
        with moved as (
            -- Every check empties the queue of moved pairs: a check of every row has looked at them too.
            delete from alert_moved returning location_id, product_id
        ), {evaluated}, flagged as materialized (
            -- Materialized, so the bits are worked out once per stock row and only rows with a condition go on.
            select * from (
                select f.*,
                       case when f.on_hand < 0 then 1 else 0 end
                       | case when f.low_line > 0 and f.available <= f.low_line then 2 else 0 end
                       | case when f.on_hand > 0 and f.available > f.low_line and f.on_hand * 30 > f.overstock_days * f.sold_30d then 4 else 0 end
                       | case when f.on_hand > 0 and f.last_sold_day <= (@now at time zone 'Asia/Shanghai')::date - @noSaleDays then 8 else 0 end as bits
                from (
                    select e.store_id, e.location_id, e.product_id, e.on_hand, e.available,
                           coalesce(sp.low_stock_line, p.low_stock_line) as low_line,
                           coalesce(sp.overstock_days, p.overstock_days) as overstock_days,
                           coalesce(e.sold_30d, 0) as sold_30d, e.last_sold_day
                    from evaluated e
                    join product p on p.id = e.product_id and p.is_active
                    left join store_product_policy sp on sp.store_id = e.store_id and sp.product_id = e.product_id) f) x
            where bits <> 0
        ), hits as (
            select f.store_id, f.location_id, f.product_id, k.kind, f.on_hand, f.available, f.low_line, f.overstock_days,
                   round(f.sold_30d / 30, 3) as avg_daily_sales,
                   (@now at time zone 'Asia/Shanghai')::date - f.last_sold_day as days_without_sale
            from flagged f
            join (values (1, 'negative_stock'), (2, 'low_stock'), (4, 'overstock'), (8, 'no_sale')) as k(bit, kind) on f.bits & k.bit <> 0
            where (k.kind <> 'no_sale' or not exists (
                  select 1 from sales_daily d
                  where d.day = (@now at time zone 'Asia/Shanghai')::date and d.location_id = f.location_id and d.product_id = f.product_id
                    and d.sold > 0{(byPair ? " offset 0" : "")}))
        ), unresolved as (
            {unresolved}
        ), merged as (
            select a.id as alert_id, h.kind as hit_kind, h.store_id, h.location_id, h.product_id, h.on_hand, h.available, h.low_line,
                   h.overstock_days, h.avg_daily_sales, h.days_without_sale,
                   (a.available, a.on_hand, a.low_line, a.overstock_days, a.avg_daily_sales, a.days_without_sale)
                       is distinct from (h.available, h.on_hand, h.low_line, h.overstock_days, h.avg_daily_sales, h.days_without_sale) as changed
            from hits h
            full join unresolved a on a.store_id = h.store_id and a.product_id = h.product_id and a.kind = h.kind
        ), opened as (
            insert into stock_alert (store_id, location_id, product_id, kind, available, on_hand, low_line, overstock_days,
                                     avg_daily_sales, days_without_sale, opened_at, updated_at, last_notified_at)
            select store_id, location_id, product_id, hit_kind, available, on_hand, low_line, overstock_days,
                   avg_daily_sales, days_without_sale, @now, @now, @now
            from merged where alert_id is null
            returning id
        ), refreshed as (
            update stock_alert a
            set available = m.available, on_hand = m.on_hand, low_line = m.low_line, overstock_days = m.overstock_days,
                avg_daily_sales = m.avg_daily_sales, days_without_sale = m.days_without_sale, updated_at = @now
            from merged m
            where a.id = m.alert_id and m.hit_kind is not null and m.changed{ById(byPair, "hit_kind is not null and changed")}
            returning a.id
        ), resolved as (
            update stock_alert a set status = 'resolved', resolved_at = @now, updated_at = @now
            from merged m
            where a.id = m.alert_id and m.hit_kind is null{ById(byPair, "hit_kind is null")}
            returning a.id
        )
        select (select count(*)::int from opened), (select count(*)::int from refreshed), (select count(*)::int from resolved),
               (select coalesce(array_agg(id), array[]::bigint[]) from opened)
        """;

    private static string ById(bool byPair, string condition) =>
        byPair ? $" and a.id = any (array(select alert_id from merged where {condition}))" : "";
}
