namespace StoreStock.Samples;

/// <summary>A share of a category's products and the range of their daily demand per average store.</summary>
internal sealed record DemandTier(double Share, double Min, double Max);

/// <summary>
/// A catalog category with the ranges its products are drawn from. <paramref name="OrderMultiples"/> are tried in
/// order: the first whose minimum daily demand a product reaches gives its order multiple (fast sellers come by the case).
/// </summary>
internal sealed record SampleCategory(
    string Code,
    string Name,
    string SkuPrefix,
    IReadOnlyList<SampleProductLine> Lines,
    IReadOnlyList<int> ShelfLifeDays,
    decimal MinCostRatio,
    decimal MaxCostRatio,
    int MinLeadTimeDays,
    int MaxLeadTimeDays,
    IReadOnlyList<DemandTier> Demand,
    IReadOnlyList<(double MinDemand, int Multiple)> OrderMultiples,
    double GroupBuyShare,
    double WeekendUplift)
{
    public bool IsBakery => Code == SampleCategories.Bakery.Code;
}

internal static class SampleCategories
{
    public static readonly SampleCategory Bakery = new(
        "BAKERY", "烘焙", "BK", SampleProductLines.Bakery,
        ShelfLifeDays: [5, 6, 7], MinCostRatio: 0.62m, MaxCostRatio: 0.72m, MinLeadTimeDays: 2, MaxLeadTimeDays: 3,
        Demand: [new(0.3, 5, 10), new(0.5, 2, 5), new(0.2, 1.5, 2)],
        OrderMultiples: [(0, 1)],
        GroupBuyShare: 0.35, WeekendUplift: 1.25);

    public static readonly SampleCategory Drinks = new(
        "DRINKS", "饮料", "DR", SampleProductLines.Drinks,
        ShelfLifeDays: [180, 270, 365, 540], MinCostRatio: 0.58m, MaxCostRatio: 0.70m, MinLeadTimeDays: 2, MaxLeadTimeDays: 5,
        Demand: [new(0.2, 8, 20), new(0.5, 2, 8), new(0.3, 0.6, 2)],
        OrderMultiples: [(6, 24), (2, 12), (0, 6)],
        GroupBuyShare: 0.15, WeekendUplift: 1.3);

    public static readonly SampleCategory Snacks = new(
        "SNACKS", "零食", "SN", SampleProductLines.Snacks,
        ShelfLifeDays: [120, 150, 180, 240, 270, 365], MinCostRatio: 0.60m, MaxCostRatio: 0.72m, MinLeadTimeDays: 3, MaxLeadTimeDays: 7,
        Demand: [new(0.15, 4, 10), new(0.5, 1, 4), new(0.35, 0.3, 1)],
        OrderMultiples: [(4, 12), (1.5, 6), (0, 1)],
        GroupBuyShare: 0.08, WeekendUplift: 1.35);

    public static readonly SampleCategory DailyGoods = new(
        "DAILY", "日用品", "DL", SampleProductLines.DailyGoods,
        ShelfLifeDays: [730, 1095], MinCostRatio: 0.62m, MaxCostRatio: 0.76m, MinLeadTimeDays: 3, MaxLeadTimeDays: 7,
        Demand: [new(0.1, 2, 5), new(0.4, 0.5, 2), new(0.5, 0.15, 0.5)],
        OrderMultiples: [(2, 6), (0, 1)],
        GroupBuyShare: 0, WeekendUplift: 1.1);

    public static readonly SampleCategory[] All = [Bakery, Drinks, Snacks, DailyGoods];
}
