using Dapper;
using Npgsql;

namespace StoreStock.Samples;

/// <summary>A store's own stock policy for a product; null fields keep the product's default.</summary>
internal sealed record SamplePolicyOverride(
    SampleStore Store, SampleProduct Product, int? LowStockLine = null, int? SafetyStock = null, int? LeadTimeDays = null, int? OverstockDays = null);

/// <summary>
/// A few stores that differ from the chain default: the busiest store keeps more of its fastest sellers on hand,
/// the mall store in Guangzhou waits longer for some deliveries, and the West Lake store, with its tourist trade,
/// tolerates a longer stock of slow-selling snacks.
/// </summary>
internal sealed class SamplePolicyOverrides
{
    private readonly Dictionary<(int LocationId, string Sku), SamplePolicy> _bySellingLocation;

    private SamplePolicyOverrides(IReadOnlyList<SamplePolicyOverride> overrides)
    {
        Overrides = overrides;
        _bySellingLocation = overrides
            .Where(o => !o.Store.Definition.SharesPool)
            .ToDictionary(o => (o.Store.SellingLocationId, o.Product.Sku), Apply);
    }

    public IReadOnlyList<SamplePolicyOverride> Overrides { get; }

    public static SamplePolicyOverrides Pick(SampleOrganisation organisation, SampleCatalog catalog)
    {
        SampleStore Store(string code) => organisation.Stores.Single(s => s.Definition.Code == code);
        IEnumerable<SampleProduct> ByDemand(SampleCategory category) =>
            catalog.Products.Where(p => p.Category == category).OrderByDescending(p => p.DailyDemand).ThenBy(p => p.Sku, StringComparer.Ordinal);

        var busiest = Store("S001");
        var mall = Store("S005");
        var touristArea = Store("S003");
        var overrides = new List<SamplePolicyOverride>();
        overrides.AddRange(ByDemand(SampleCategories.Drinks).Take(3).Concat(ByDemand(SampleCategories.Bakery).Take(3))
            .Select(p => new SamplePolicyOverride(busiest, p, LowStockLine: p.Policy.LowStockLine * 2, SafetyStock: p.Policy.SafetyStock * 2)));
        overrides.AddRange(ByDemand(SampleCategories.DailyGoods).Take(4)
            .Select(p => new SamplePolicyOverride(mall, p, LeadTimeDays: p.Policy.LeadTimeDays + 3)));
        overrides.AddRange(ByDemand(SampleCategories.Snacks).TakeLast(3)
            .Select(p => new SamplePolicyOverride(touristArea, p, OverstockDays: 60)));
        return new SamplePolicyOverrides(overrides);
    }

    /// <summary>The policy in force for a product at a selling location.</summary>
    public SamplePolicy For(SellingPoint point, SampleProduct product) =>
        _bySellingLocation.TryGetValue((point.LocationId, product.Sku), out var policy) ? policy : product.Policy;

    public async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into store_product_policy (store_id, product_id, low_stock_line, safety_stock, lead_time_days, overstock_days)
            select * from unnest(@storeIds, @productIds, @lowStockLines, @safetyStocks, @leadTimes, @overstockDays)
            """,
            new
            {
                storeIds = Overrides.Select(o => o.Store.Id).ToArray(),
                productIds = Overrides.Select(o => o.Product.Id).ToArray(),
                lowStockLines = Overrides.Select(o => o.LowStockLine).ToArray(),
                safetyStocks = Overrides.Select(o => o.SafetyStock).ToArray(),
                leadTimes = Overrides.Select(o => o.LeadTimeDays).ToArray(),
                overstockDays = Overrides.Select(o => o.OverstockDays).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));

    private static SamplePolicy Apply(SamplePolicyOverride o) => o.Product.Policy with
    {
        LowStockLine = o.LowStockLine ?? o.Product.Policy.LowStockLine,
        SafetyStock = o.SafetyStock ?? o.Product.Policy.SafetyStock,
        LeadTimeDays = o.LeadTimeDays ?? o.Product.Policy.LeadTimeDays,
        OverstockDays = o.OverstockDays ?? o.Product.Policy.OverstockDays,
    };
}
