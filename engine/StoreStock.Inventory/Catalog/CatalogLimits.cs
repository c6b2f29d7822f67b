namespace StoreStock.Inventory.Catalog;

/// <summary>Bounds on catalog input; anything outside them is refused as a typing mistake.</summary>
public static class CatalogLimits
{
    public const int SkuMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int SpecMaxLength = 100;
    public const int UnitMaxLength = 10;
    public const int CategoryCodeMaxLength = 20;
    public const int CategoryNameMaxLength = 50;
    public const int MaxBarcodesPerProduct = 20;
    public const decimal MaxPrice = 1_000_000m;
    public const int PriceDecimals = 2;
    public const int QuantityDecimals = 3;
    public const int UnitCostDecimals = 4;
    public const int MaxShelfLifeDays = 3650;
    public const int MaxOverstockDays = 365;
    public const int MaxLeadTimeDays = 365;
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>SKUs and category codes appear in URLs and file names, so they are kept to a safe alphabet.</summary>
    public static bool IsCode(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static bool HasAtMostDecimals(decimal value, int decimals) => decimal.Round(value, decimals) == value;
}
