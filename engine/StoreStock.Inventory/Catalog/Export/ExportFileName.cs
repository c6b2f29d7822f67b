using System.Globalization;

namespace StoreStock.Inventory.Catalog.Export;

public static class ExportFileName
{
    /// <summary>"products-20261120": the local date, so files from different days sort and do not collide.</summary>
    public static string For(string what, TimeProvider time) =>
        what + "-" + time.GetLocalNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
