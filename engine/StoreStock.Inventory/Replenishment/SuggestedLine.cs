namespace StoreStock.Inventory.Replenishment;

/// <summary>
/// One product a store should order, with every figure the suggestion came from so a manager can follow it.
/// <see cref="LocationId"/> is where the goods will be received.
/// </summary>
public sealed record SuggestedLine(
    int StoreId,
    int LocationId,
    int ProductId,
    decimal Sold7,
    decimal Sold30,
    decimal SeasonalFactor,
    decimal AverageDailySales,
    int LeadTimeDays,
    int ReviewPeriodDays,
    decimal SafetyStock,
    decimal Available,
    decimal InTransit,
    decimal OnOrder,
    decimal OrderMultiple,
    decimal SuggestedQuantity,
    decimal UnitCost);
