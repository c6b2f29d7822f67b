using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Creates a product with at least one barcode and its policy defaults.</summary>
public sealed class CreateProduct(InventoryDatabase database, InventoryOptions options, TimeProvider time)
{
    public async Task<Outcome<ProductView>> ExecuteAsync(Caller caller, ProductDraft draft, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        var product = ProductValidator.Validate(draft, options.MaxLineQuantity, errors);
        return await SingleProductSave.SaveAsync(database, draft, product, errors, ProductSaveMode.Create, time.GetUtcNow(), cancellationToken);
    }
}
