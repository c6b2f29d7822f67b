namespace StoreStock.Inventory.Stocktakes;

/// <summary>What a count covers: the whole store, some categories, or listed products.</summary>
public static class StocktakeScope
{
    public const string Store = "store";
    public const string Categories = "categories";
    public const string Products = "products";

    public static readonly string[] All = [Store, Categories, Products];
}

/// <summary>The life of a count, as stored in <c>stocktake.status</c>. A rejected count goes back to counting for a recount.</summary>
public static class StocktakeStatus
{
    public const string Counting = "counting";
    public const string Submitted = "submitted";
    public const string Posted = "posted";
    public const string Missed = "missed";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Counting, Submitted, Posted, Missed, Cancelled];
}
