using StoreStock.Inventory.Access;

namespace StoreStock.Inventory.Catalog;

/// <summary>Who may change the catalog. Reading it needs only a signed-in caller.</summary>
public static class CatalogAccess
{
    public static CatalogFailure? RequireManage(Caller caller) =>
        caller.Can(Permission.ManageCatalog) ? null : CatalogFailure.Forbidden("Only HQ admins may change the catalog.");

    public static CatalogFailure? RequireImport(Caller caller) =>
        caller.Can(Permission.ImportData) ? null : CatalogFailure.Forbidden("Only HQ admins may import data.");
}
