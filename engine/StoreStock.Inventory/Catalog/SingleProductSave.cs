using Npgsql;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>
/// Saves one product through the same planner and writer as the imports, in one transaction. A product that failed
/// validation is still checked against the database, so the answer lists every problem; then nothing is written.
/// </summary>
public static class SingleProductSave
{
    public static async Task<Outcome<ProductView>> SaveAsync(
        InventoryDatabase database,
        ProductDraft draft,
        ValidProduct? product,
        FieldErrors errors,
        ProductSaveMode mode,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var sku = product?.Sku ?? draft.Sku?.Trim() ?? "";
        var barcodes = (draft.Barcodes ?? []).Select(b => b?.Trim()).OfType<string>().ToList();
        try
        {
            return await database.InTransactionAsync<Outcome<ProductView>>(async (connection, transaction) =>
            {
                var references = await CatalogReferences.LoadAsync(connection, transaction, [sku], barcodes, cancellationToken);
                if (mode == ProductSaveMode.Update && !references.ProductsBySku.ContainsKey(sku))
                {
                    return Failure.NotFound($"There is no product with SKU '{sku}'.");
                }

                var changes = ProductPlanner.Plan(
                    [new PlanItem(draft, errors.Any ? null : product)],
                    references,
                    mode,
                    (_, field, reason, isConflict) =>
                    {
                        if (isConflict)
                        {
                            errors.AddConflict(field, reason);
                        }
                        else
                        {
                            errors.Add(field, reason);
                        }
                    },
                    _ => "this product");
                if (errors.Any)
                {
                    return errors;
                }

                await ProductWriter.SaveAsync(connection, transaction, changes, now, cancellationToken);
                var saved = await ProductQueries.BySkuAsync(connection, transaction, sku, cancellationToken);
                return saved!.View;
            }, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Failure.Conflict("Another change to the same SKU or barcode was saved at the same moment; reload and try again.");
        }
    }
}
