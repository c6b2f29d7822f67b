using System.Globalization;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Inventory.Tests.Catalog;

/// <summary>Unique SKUs, valid barcodes and product requests for catalog tests.</summary>
public static class CatalogTestData
{
    private static int _sequence;

    public static int Next() => Interlocked.Increment(ref _sequence);

    public static string Sku(string prefix = "C") => prefix + Next().ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A valid EAN-13 that no other test uses (prefix 691, unlike TestOrg's 690).</summary>
    public static string Ean13() => Barcode.WithCheckDigit("691" + Next().ToString("D9", CultureInfo.InvariantCulture));

    public static string UpcA() => Barcode.WithCheckDigit("036" + Next().ToString("D8", CultureInfo.InvariantCulture));

    public static string Ean8() => Barcode.WithCheckDigit("96" + Next().ToString("D5", CultureInfo.InvariantCulture));

    /// <summary>A product request with every field set and valid.</summary>
    public static Dictionary<string, object?> Product(string sku, string category, params string[] barcodes) => new()
    {
        ["sku"] = sku,
        ["name"] = "农夫山泉 550ml " + sku,
        ["spec"] = "550ml*24",
        ["unit"] = "瓶",
        ["categoryCode"] = category,
        ["costPrice"] = 1.1m,
        ["salePrice"] = 2m,
        ["shelfLifeDays"] = 365,
        ["barcodes"] = barcodes.Length == 0 ? new[] { Ean13() } : barcodes,
        ["lowStockLine"] = 12m,
        ["overstockDays"] = 45,
        ["safetyStock"] = 6m,
        ["leadTimeDays"] = 3,
        ["orderMultiple"] = 24m,
    };
}
