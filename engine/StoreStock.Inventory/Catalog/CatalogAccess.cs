using StoreStock.Inventory.Access;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Who may change the catalog. Reading it needs only a signed-in caller.</summary>
public static class CatalogAccess
{
    public static Failure? RequireManage(Caller caller) =>
        caller.Can(Permission.ManageCatalog) ? null : Failure.Forbidden("Only HQ admins may change the catalog.");

    public static Failure? RequireImport(Caller caller) =>
        caller.Can(Permission.ImportData) ? null : Failure.Forbidden("Only HQ admins may import data.");
}
