using Dapper;

namespace StoreStock.Samples.Tests;

[Collection(FourteenDayChain.Collection)]
public sealed class SampleStockHistoryTests(FourteenDayChain fixture, ITestOutputHelper output)
{
    private const string Local = "'Asia/Shanghai'";
    private readonly SeededDatabase _chain = fixture.Chain;

    private DateOnly Today => DateOnly.FromDateTime(_chain.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task Levels_equal_the_sum_of_moves_for_every_row()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        Assert.True(await c.ExecuteScalarAsync<int>("select count(*) from stock_level") > 2000);
        Assert.Equal(0, await LedgerChecks.LevelsDifferingFromMovesAsync(c));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>(
            "select count(*) from stock_level l join product p on p.id = l.product_id where l.avg_cost <> p.cost_price or l.on_hand < 0"));
    }

    [Fact]
    public async Task The_copied_sales_history_is_summed_per_day_like_live_sales()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        Assert.True(await c.ExecuteScalarAsync<long>("select count(distinct day) from sales_daily") >= FourteenDayChain.HistoryDays);
        await LedgerProbe.AssertSalesDailyEqualsSaleMovesAsync(_chain.Db);
    }

    [Fact]
    public async Task History_spans_the_requested_days_and_ends_before_today()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var history = await c.QuerySingleAsync<(DateTime First, DateTime Last, long Days)>(
            $"""
            select min((occurred_at at time zone {Local})::date)::timestamp, max((occurred_at at time zone {Local})::date)::timestamp,
                   count(distinct (occurred_at at time zone {Local})::date)
            from stock_move where kind in ('sale', 'groupbuy_redemption')
            """);
        Assert.Equal(Today.AddDays(-FourteenDayChain.HistoryDays), DateOnly.FromDateTime(history.First));
        Assert.Equal(Today.AddDays(-1), DateOnly.FromDateTime(history.Last));
        Assert.Equal(FourteenDayChain.HistoryDays, history.Days);

        var openings = await c.QueryAsync<DateTime>($"select distinct (occurred_at at time zone {Local})::date::timestamp from stock_move where kind = 'opening_balance'");
        Assert.Equal([Today.AddDays(-FourteenDayChain.HistoryDays - 1)], openings.Select(DateOnly.FromDateTime));
        Assert.True(await c.ExecuteScalarAsync<DateTime>("select max(occurred_at) from stock_move") < _chain.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Every_selling_location_and_the_central_warehouse_open_with_stock()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var openings = (await c.QueryAsync<(string Location, string Kind, long Products)>(
            """
            select l.code, l.kind, count(distinct m.product_id)
            from stock_move m join location l on l.id = m.location_id
            where m.kind = 'opening_balance' and m.on_hand_delta > 0
            group by l.code, l.kind
            """)).ToDictionary(o => o.Location);
        var products = await c.ExecuteScalarAsync<long>("select count(*) from product");
        var selling = await c.QueryAsync<string>("select distinct l.code from store s join location l on l.id = s.selling_location_id");
        Assert.All(selling, code => Assert.Equal(products, openings[code].Products));
        Assert.Equal(7, openings.Values.Count(o => o.Kind is "store_floor" or "shared_pool"));
        Assert.True(openings["W001"].Products > 200);
    }

    [Fact]
    public async Task Moves_are_written_by_the_seed_at_cost_with_a_channel_on_every_sale()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var malformed = await c.ExecuteScalarAsync<int>(
            """
            select count(*) from stock_move m join product p on p.id = m.product_id
            where m.actor <> 'system:seed' or m.recorded_at <> @now or m.unit_cost <> p.cost_price
               or m.reserved_delta <> 0 or m.in_transit_delta <> 0
               or (m.kind in ('opening_balance', 'purchase_receipt') and (m.on_hand_delta <= 0 or m.channel is not null))
               or (m.kind = 'sale' and (m.on_hand_delta >= 0 or m.channel not in ('pos', 'mini_program')))
               or (m.kind = 'groupbuy_redemption' and (m.on_hand_delta >= 0 or m.channel not in ('douyin', 'meituan', 'wechat_groupbuy')))
               or m.kind not in ('opening_balance', 'purchase_receipt', 'sale', 'groupbuy_redemption')
            """,
            new { now = _chain.Clock.GetUtcNow() });
        Assert.Equal(0, malformed);

        var channels = (await c.QueryAsync<(string Channel, string Kind, decimal Sold)>(
            "select channel, kind, -sum(on_hand_delta) from stock_move where channel is not null group by channel, kind")).ToDictionary(x => x.Channel);
        Assert.Equal(["douyin", "meituan", "mini_program", "pos", "wechat_groupbuy"], channels.Keys.Order(StringComparer.Ordinal));
        Assert.True(channels["pos"].Sold > channels["mini_program"].Sold);
        Assert.True(channels["mini_program"].Sold > channels["douyin"].Sold);
    }

    [Fact]
    public async Task Sales_are_one_move_per_location_product_channel_and_day_inside_opening_hours()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var duplicates = await c.ExecuteScalarAsync<int>(
            $"""
            select count(*) from (
                select 1 from stock_move where channel is not null
                group by location_id, product_id, channel, (occurred_at at time zone {Local})::date having count(*) > 1) d
            """);
        Assert.Equal(0, duplicates);
        var outsideHours = await c.ExecuteScalarAsync<int>(
            $"select count(*) from stock_move where channel is not null and ((occurred_at at time zone {Local})::time < '08:00' or (occurred_at at time zone {Local})::time >= '22:00')");
        Assert.Equal(0, outsideHours);
    }

    [Fact]
    public async Task Stock_never_goes_negative_and_is_restocked_by_purchase_receipts()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        Assert.Equal(0, await LedgerChecks.NegativeRunningBalancesAsync(c));
        var receipts = (await c.QueryAsync<(string Category, long Moves, long Days)>(
            $"""
            select cat.code, count(*), count(distinct (m.occurred_at at time zone {Local})::date)
            from stock_move m join product p on p.id = m.product_id join category cat on cat.id = p.category_id
            where m.kind = 'purchase_receipt' group by cat.code
            """)).ToDictionary(r => r.Category);
        Assert.Equal(FourteenDayChain.HistoryDays, receipts["BAKERY"].Days);
        Assert.All(receipts.Values, r => Assert.True(r.Moves > 50, r.Category));
    }

    [Fact]
    public async Task Weekends_sell_more_than_weekdays()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var perDay = await c.QueryAsync<(bool Weekend, decimal Sold)>(
            $"""
            select extract(isodow from (occurred_at at time zone {Local})::date) >= 6, -sum(on_hand_delta)
            from stock_move where channel is not null group by (occurred_at at time zone {Local})::date
            """);
        var average = perDay.GroupBy(d => d.Weekend).ToDictionary(g => g.Key, g => g.Average(d => d.Sold));
        Assert.True(average[true] > average[false] * 1.1m, $"weekend {average[true]}, weekday {average[false]}");
    }

    [Fact]
    public async Task Some_stock_is_low_some_overstocked_and_some_has_not_sold_for_three_days()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var sellingLocations = "select selling_location_id from store";
        var pairs = await c.ExecuteScalarAsync<int>($"select count(*) from stock_level where location_id in ({sellingLocations})");
        var belowLowLine = await c.ExecuteScalarAsync<int>(
            $"""
            select count(*) from stock_level l join product p on p.id = l.product_id
            where l.location_id in ({sellingLocations}) and l.on_hand < p.low_stock_line
            """);
        var overstocked = await c.ExecuteScalarAsync<int>(
            $"""
            select count(*) from stock_level l join product p on p.id = l.product_id
            join (select location_id, product_id, -sum(on_hand_delta) / @days as per_day
                  from stock_move where channel is not null group by location_id, product_id) s
              on s.location_id = l.location_id and s.product_id = l.product_id
            where l.location_id in ({sellingLocations}) and l.on_hand > p.overstock_days * s.per_day * 2
            """,
            new { days = (decimal)FourteenDayChain.HistoryDays });
        var quiet = await c.ExecuteScalarAsync<int>(
            $"""
            select count(*) from stock_level l
            where l.location_id in ({sellingLocations}) and l.on_hand > 0
              and (select count(distinct (m.occurred_at at time zone {Local})::date) from stock_move m
                   where m.location_id = l.location_id and m.product_id = l.product_id and m.channel is not null) >= 5
              and not exists (select 1 from stock_move m
                              where m.location_id = l.location_id and m.product_id = l.product_id and m.channel is not null
                                and m.occurred_at >= @since)
            """,
            new { since = _chain.Clock.GetUtcNow().AddDays(-3) });
        output.WriteLine($"{pairs} selling pairs: {belowLowLine} below the low-stock line, {overstocked} heavily overstocked, {quiet} regular sellers without a sale in 3 days");

        Assert.InRange(belowLowLine, 5, pairs / 10);
        Assert.InRange(overstocked, 3, pairs / 10);
        Assert.InRange(quiet, 3, pairs / 20);
    }
}
