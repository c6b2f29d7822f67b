using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>
/// Replaces a product's fields. The SKU is the product's identity and cannot change; barcodes left out are kept
/// (they also have their own add and remove operations), barcodes given replace the product's set.
/// </summary>
public sealed class UpdateProduct(InventoryDatabase database, InventoryOptions options, TimeProvider time)
{
    public async Task<Outcome<ProductView>> ExecuteAsync(Caller caller, string sku, ProductDraft draft, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        if (draft.Sku is not null && draft.Sku.Trim() != sku)
        {
            errors.Add(ProductFields.Sku, $"must match the SKU in the address ('{sku}'); a product's SKU cannot be changed");
        }

        var addressed = draft with { Sku = sku };
        var product = ProductValidator.Validate(addressed, options.MaxLineQuantity, errors);
        return await SingleProductSave.SaveAsync(database, addressed, product, errors, ProductSaveMode.Update, time.GetUtcNow(), cancellationToken);
    }
}
