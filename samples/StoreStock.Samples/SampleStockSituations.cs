namespace StoreStock.Samples;

internal enum StockSituation
{
    None,

    /// <summary>The supplier has stopped delivering: stock runs down below the low-stock line, often to nothing.</summary>
    SupplierShortage,

    /// <summary>A promotion order far too large arrived a few days before the end: heavily overstocked.</summary>
    OverOrdered,

    /// <summary>Taken off the shelf (a display change) for the last few days: in stock, but no sale.</summary>
    OffTheShelf,
}

/// <summary>
/// A few (selling location, product) pairs that end the history in a state the alert features should find. They are
/// fixed picks, not chance, so a demo always has something to show.
/// </summary>
internal sealed class SampleStockSituations
{
    public const int OffTheShelfDays = 4;
    public const int OverOrderedDaysBeforeEnd = 5;
    public const int OverOrderedDaysOfDemand = 75;

    private readonly Dictionary<(int LocationId, string Sku), StockSituation> _pairs;

    private SampleStockSituations(Dictionary<(int LocationId, string Sku), StockSituation> pairs) => _pairs = pairs;

    public static SampleStockSituations Pick(SampleOrganisation organisation, SampleCatalog catalog)
    {
        var points = organisation.SellingPoints;
        var packaged = catalog.Products.Where(p => !p.RestockedDaily).ToList();
        var fast = packaged.Where(p => p.DailyDemand >= 4).ToList();
        var medium = packaged.Where(p => p.DailyDemand is >= 1 and < 4).ToList();
        var pairs = new Dictionary<(int, string), StockSituation>();
        void Mark(IEnumerable<SampleProduct> products, int pointOffset, StockSituation situation)
        {
            var i = 0;
            foreach (var product in products)
            {
                pairs[(points[(i++ + pointOffset) % points.Count].LocationId, product.Sku)] = situation;
            }
        }

        Mark(fast.Take(8), 0, StockSituation.SupplierShortage);
        Mark(medium.Take(6), 3, StockSituation.OffTheShelf);
        Mark(medium.Skip(6).Take(6), 1, StockSituation.OverOrdered);
        return new SampleStockSituations(pairs);
    }

    public StockSituation For(SellingPoint point, SampleProduct product) =>
        _pairs.GetValueOrDefault((point.LocationId, product.Sku), StockSituation.None);
}
