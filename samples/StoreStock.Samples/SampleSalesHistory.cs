using StoreStock.Inventory.Ledger;

namespace StoreStock.Samples;

/// <summary>
/// Simulates the stock history of every selling location day by day: opening stock the evening before, then each
/// morning's delivery and each day's sales per channel, aggregated to one move per (location, product, channel, day).
/// Sales never exceed the stock on hand, so no balance goes negative.
/// </summary>
internal sealed class SampleSalesHistory
{
    private const int Seed = 20_251_120;
    private static readonly TimeSpan OpeningCountAt = new(22, 30, 0);
    private static readonly TimeSpan DeliveryFrom = new(7, 0, 0);

    private static readonly (string Channel, string Kind, double Share)[] ShopChannels =
    [
        ("pos", MoveKind.Sale, 0.82),
        ("mini_program", MoveKind.Sale, 0.18),
    ];

    private static readonly (string Channel, string Kind, double Share)[] GroupBuyChannels =
    [
        ("pos", MoveKind.Sale, 0.62),
        ("mini_program", MoveKind.Sale, 0.16),
        ("douyin", MoveKind.GroupBuyRedemption, 0.10),
        ("meituan", MoveKind.GroupBuyRedemption, 0.08),
        ("wechat_groupbuy", MoveKind.GroupBuyRedemption, 0.04),
    ];

    private readonly Random _random = new(Seed);
    private readonly SampleCalendar _calendar;
    private readonly List<SampleMove> _moves;

    private SampleSalesHistory(SampleCalendar calendar, int pairs)
    {
        _calendar = calendar;
        _moves = new List<SampleMove>(pairs * ((calendar.HistoryDays * 3) + 1));
    }

    /// <summary>All moves of the history, in the order they happened.</summary>
    public static List<SampleMove> Simulate(
        SampleOrganisation organisation, SampleCatalog catalog, SamplePolicyOverrides policies, SampleStockSituations situations, SampleCalendar calendar)
    {
        var history = new SampleSalesHistory(calendar, organisation.SellingPoints.Count * catalog.Products.Count);
        history.StockCentralWarehouse(organisation, catalog);
        foreach (var point in organisation.SellingPoints)
        {
            foreach (var product in catalog.Products)
            {
                history.SimulateLocation(point, product, policies.For(point, product), situations.For(point, product));
            }
        }

        // In time order, so move ids follow time as they would had the moves been recorded as they happened.
        history._moves.Sort(static (a, b) =>
        {
            var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
            return byTime != 0 ? byTime : a.LocationId != b.LocationId ? a.LocationId.CompareTo(b.LocationId) : a.ProductId.CompareTo(b.ProductId);
        });
        return history._moves;
    }

    /// <summary>Three weeks of the whole chain's demand for everything that keeps; bakery never goes through it.</summary>
    private void StockCentralWarehouse(SampleOrganisation organisation, SampleCatalog catalog)
    {
        var chainFactor = organisation.SellingPoints.Sum(p => p.DemandFactor);
        var countedAt = SampleCalendar.At(_calendar.OpeningDay, OpeningCountAt);
        foreach (var product in catalog.Products.Where(p => !p.RestockedDaily))
        {
            var quantity = RoundUp(product.DailyDemand * chainFactor * 21, product.Policy.OrderMultiple);
            Add(organisation.CentralWarehouseId, product, MoveKind.OpeningBalance, quantity, null, countedAt);
        }
    }

    private void SimulateLocation(SellingPoint point, SampleProduct product, SamplePolicy policy, StockSituation situation)
    {
        var days = _calendar.HistoryDays;
        var demand = product.DailyDemand * point.DemandFactor;
        var uplift = product.Category.WeekendUplift;
        var averageDemand = demand * ((5 + (2 * uplift)) / 7);
        var weeklyTarget = WeeklyTarget(averageDemand, policy);
        var onHand = product.RestockedDaily
            ? policy.LowStockLine + (int)Math.Ceiling(demand * 0.3)
            : Math.Max(1, (int)Math.Ceiling(weeklyTarget * (0.5 + (0.5 * _random.NextDouble()))));

        // A shortage lasts as long as a full delivery takes to sell, so the shelf runs down below the low-stock line
        // by the end whatever the length of the history; a shorter history starts with less.
        var shortageDays = situation == StockSituation.SupplierShortage ? (int)Math.Ceiling(weeklyTarget / averageDemand) : 0;
        if (shortageDays > days && days > 0)
        {
            onHand = Math.Max(1, Math.Min(onHand, (int)Math.Ceiling(averageDemand * days)));
        }

        Add(point.LocationId, product, MoveKind.OpeningBalance, onHand, null, SampleCalendar.At(_calendar.OpeningDay, OpeningCountAt));

        var channels = product.GroupBuy ? GroupBuyChannels : ShopChannels;
        for (var index = 0; index < days; index++)
        {
            var day = _calendar.Day(index);
            var daysLeft = days - index;
            var dayFactor = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? uplift : 1.0;

            var delivery = 0;
            if (product.RestockedDaily)
            {
                // Baked or delivered fresh every morning: topped up to the day's expected sales, a margin for a good
                // day, and the low-stock line, so the shelf is rarely bare at closing time.
                var expected = demand * dayFactor;
                delivery = Math.Max(0, (int)Math.Ceiling(expected + (2 * Math.Sqrt(expected))) + policy.LowStockLine - onHand);
            }
            else if (day.DayOfWeek == point.DeliveryDay && daysLeft > shortageDays)
            {
                delivery = weeklyTarget > onHand ? RoundUp(weeklyTarget - onHand, policy.OrderMultiple) : 0;
            }

            if (situation == StockSituation.OverOrdered && daysLeft == Math.Min(days, SampleStockSituations.OverOrderedDaysBeforeEnd))
            {
                delivery += RoundUp(demand * SampleStockSituations.OverOrderedDaysOfDemand, policy.OrderMultiple);
            }

            if (delivery > 0)
            {
                Add(point.LocationId, product, MoveKind.PurchaseReceipt, delivery, null, SampleCalendar.At(day, DeliveryFrom.Add(TimeSpan.FromMinutes(_random.Next(60)))));
                onHand += delivery;
            }

            if (situation == StockSituation.OffTheShelf && daysLeft <= SampleStockSituations.OffTheShelfDays)
            {
                continue;
            }

            foreach (var (channel, kind, share) in channels)
            {
                var sold = Math.Min(onHand, Poisson(demand * dayFactor * share));
                if (sold > 0)
                {
                    Add(point.LocationId, product, kind, -sold, channel, SampleCalendar.At(day, DuringOpeningHours()));
                    onHand -= sold;
                }
            }
        }
    }

    /// <summary>
    /// A weekly delivery fills up to a week and a day of demand, plus the low-stock line and a margin for a busy week
    /// (two standard deviations of the weekly sales), so most weeks end above the line.
    /// </summary>
    private static int WeeklyTarget(double demand, SamplePolicy policy) =>
        RoundUp((demand * 8) + (2 * Math.Sqrt(demand * 7)) + policy.LowStockLine, policy.OrderMultiple);

    private TimeSpan DuringOpeningHours() =>
        SampleCalendar.OpensAt + TimeSpan.FromSeconds(_random.Next((int)(SampleCalendar.ClosesAt - SampleCalendar.OpensAt).TotalSeconds));

    /// <summary>Knuth's method; the means here stay small (well under 100).</summary>
    private int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var count = -1;
        var product = 1.0;
        do
        {
            count++;
            product *= _random.NextDouble();
        }
        while (product > limit);

        return count;
    }

    private static int RoundUp(double quantity, int multiple) => (int)Math.Ceiling(quantity / multiple) * multiple;

    private void Add(int locationId, SampleProduct product, string kind, int quantity, string? channel, DateTimeOffset occurredAt) =>
        _moves.Add(new SampleMove(locationId, product.Id, kind, quantity, product.CostPrice, channel, occurredAt));
}
