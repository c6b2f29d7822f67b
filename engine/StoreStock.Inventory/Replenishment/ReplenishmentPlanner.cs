using Dapper;
using Npgsql;
using StoreStock.Inventory.Documents;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Inventory.Replenishment;

/// <summary>
/// Works out what every store should order, in one statement over all stores at once.
/// <para>
/// The formula, per store and product (store figures are summed over the store's locations):
/// average daily sales = (0.6 × sold in the last 7 days / 7 + 0.4 × sold in the last 30 days / 30) × the seasonal
/// factor of the product's category for the run day's month (1 when none is set). The days are the complete business
/// days (China) before the run day, read from <c>sales_daily</c>.
/// suggested = average × (lead time days + review period days) + safety stock − available − in transit − on order,
/// rounded up to the order multiple, never negative; only lines above 0 are returned. On order is what open purchase
/// orders (draft to partially received) still expect; policy values come from the store's override, else the product.
/// </para>
/// </summary>
public sealed class ReplenishmentPlanner(TimeProvider clock)
{
    private const string WorkMem = "128MB";

    private const string Sql = $"""
        with stores as (
            select s.id as store_id, coalesce(s.backroom_location_id, s.selling_location_id) as location_id,
                   coalesce(r.review_period_days, 1) as review_period_days
            from store s
            left join replenishment_setting r on r.store_id = s.id
            where s.is_active and (@storeIds::int[] is null or s.id = any(@storeIds))
        ),
        stock as (
            select x.store_id, l.product_id, sum(l.on_hand - l.reserved) as available, sum(l.in_transit) as in_transit
            from stores st
            join store_location x on x.store_id = st.store_id
            join stock_level l on l.location_id = x.location_id
            group by x.store_id, l.product_id
        ),
        sales as (
            select x.store_id, d.product_id,
                   sum(d.sold) filter (where d.day >= @day::date - 7) as sold7,
                   sum(d.sold) as sold30
            from stores st
            join store_location x on x.store_id = st.store_id
            join sales_daily d on d.location_id = x.location_id and d.day >= @day::date - 30 and d.day < @day::date
            group by x.store_id, d.product_id
        ),
        on_order as (
            select po.store_id, pl.product_id, sum(pl.ordered_quantity - pl.received_quantity) as quantity
            from stores st
            join purchase_order po on po.store_id = st.store_id and po.status = any(@open)
            join purchase_order_line pl on pl.purchase_order_id = po.id
            group by po.store_id, pl.product_id
        ),
        figures as (
            select st.store_id, st.location_id, k.product_id,
                   coalesce(sa.sold7, 0) as sold7, coalesce(sa.sold30, 0) as sold30,
                   coalesce(sf.factor, 1) as seasonal_factor,
                   (0.6 * coalesce(sa.sold7, 0) / 7 + 0.4 * coalesce(sa.sold30, 0) / 30) * coalesce(sf.factor, 1) as average,
                   coalesce(sp.lead_time_days, p.lead_time_days) as lead_time_days,
                   st.review_period_days,
                   coalesce(sp.safety_stock, p.safety_stock) as safety_stock,
                   k.available, k.in_transit, coalesce(oo.quantity, 0) as on_order,
                   coalesce(sp.order_multiple, p.order_multiple) as order_multiple,
                   p.cost_price as unit_cost
            from stock k
            join stores st on st.store_id = k.store_id
            join product p on p.id = k.product_id and p.is_active
            left join store_product_policy sp on sp.store_id = k.store_id and sp.product_id = k.product_id
            left join seasonal_factor sf on sf.category_id = p.category_id and sf.month = @month
            left join sales sa on sa.store_id = k.store_id and sa.product_id = k.product_id
            left join on_order oo on oo.store_id = k.store_id and oo.product_id = k.product_id
        ),
        suggested as (
            select f.*, ceil(greatest(f.average * (f.lead_time_days + f.review_period_days) + f.safety_stock
                                      - f.available - f.in_transit - f.on_order, 0) / f.order_multiple) * f.order_multiple as quantity
            from figures f
        )
        select store_id as StoreId, location_id as LocationId, product_id as ProductId, sold7, sold30,
               seasonal_factor as SeasonalFactor, round(average, 4) as AverageDailySales, lead_time_days as LeadTimeDays,
               review_period_days as ReviewPeriodDays, safety_stock as SafetyStock, available, in_transit as InTransit,
               on_order as OnOrder, order_multiple as OrderMultiple, quantity as SuggestedQuantity, unit_cost as UnitCost
        from suggested
        where quantity > 0
        order by store_id, product_id
        """;

    /// <summary>Today's business day in China, the day a run started now is for.</summary>
    public DateOnly Today() => Shared.BusinessDay.Of(clock.GetUtcNow());

    /// <summary>The lines each store (all active stores when <paramref name="storeIds"/> is null) should order on the run day. Writes nothing.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "One instance-method entry point, resolved from DI like the other services.")]
    public async Task<IReadOnlyList<SuggestedLine>> SuggestAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<int>? storeIds, DateOnly day, CancellationToken ct)
    {
        // Aggregating a chain's stock and 30 days of sales hashes about a million groups: give the statement the memory to
        // do it without spilling to disk, for this transaction only (its own when the caller has none).
        await using var own = transaction is null ? await connection.BeginTransactionAsync(ct) : null;
        var inTransaction = transaction ?? own;
        await connection.ExecuteAsync(new CommandDefinition("select set_config('work_mem', @workMem, true)", new { workMem = WorkMem }, inTransaction, cancellationToken: ct));
        var lines = await connection.QueryAsync<SuggestedLine>(new CommandDefinition(Sql, new
        {
            storeIds = storeIds?.ToArray(),
            day = day.ToDateTime(TimeOnly.MinValue),
            month = day.Month,
            open = PurchaseOrderStatus.Open,
        }, inTransaction, commandTimeout: 300, cancellationToken: ct));
        return lines.AsList();
    }
}
