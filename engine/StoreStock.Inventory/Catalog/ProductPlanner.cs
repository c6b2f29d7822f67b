namespace StoreStock.Inventory.Catalog;

public enum ProductSaveMode
{
    /// <summary>Every product must be new.</summary>
    Create,

    /// <summary>Every product must exist.</summary>
    Update,

    /// <summary>Insert or update by SKU (imports).</summary>
    Upsert,
}

/// <summary>One product to write, with what it replaces.</summary>
public sealed record ProductChange(ValidProduct Product, CategoryRef Category, StoredProduct? Existing, bool FieldsChanged, bool BarcodesChanged)
{
    public bool IsNew => Existing is null;

    public bool IsChange => IsNew || FieldsChanged || BarcodesChanged;
}

/// <summary>Reports a problem with the product at an index of the batch.</summary>
public delegate void ProductProblemSink(int index, string field, string reason, bool isConflict);

/// <summary>A product of a batch as given, and as validated (null when it has problems of its own).</summary>
public sealed record PlanItem(ProductDraft Draft, ValidProduct? Valid);

/// <summary>
/// Checks a batch of products against the database (categories, SKUs, barcode owners) and against each other, and
/// works out what changes. Items that failed validation are still checked against the database, so every problem
/// is reported at once. Nothing is written here, so a batch with any problem writes nothing.
/// </summary>
public static class ProductPlanner
{
    /// <param name="describe">Names another item of the batch in a message, e.g. "row 7".</param>
    public static List<ProductChange> Plan(
        IReadOnlyList<PlanItem> items, CatalogReferences references, ProductSaveMode mode, ProductProblemSink problem, Func<int, string> describe)
    {
        var firstIndexBySku = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstIndexByBarcode = new Dictionary<string, int>(StringComparer.Ordinal);
        var released = ReleasedBarcodes(items, references);
        var changes = new List<ProductChange>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Valid is not { } product)
            {
                CheckDraft(i, items[i].Draft, references, mode, released, problem);
                continue;
            }

            var ok = true;
            if (!firstIndexBySku.TryAdd(product.Sku, i))
            {
                problem(i, ProductFields.Sku, $"'{product.Sku}' is also on {describe(firstIndexBySku[product.Sku])}", false);
                ok = false;
            }

            var existing = references.ProductsBySku.GetValueOrDefault(product.Sku);
            if (mode == ProductSaveMode.Create && existing is not null)
            {
                problem(i, ProductFields.Sku, SkuTaken(product.Sku), true);
                ok = false;
            }

            var category = references.Category(product.CategoryCode);
            if (category is null)
            {
                problem(i, ProductFields.CategoryCode, UnknownCategory(product.CategoryCode), false);
                ok = false;
            }

            if (product.Barcodes is null && existing is null)
            {
                problem(i, ProductFields.Barcodes, BarcodesRequired, false);
                ok = false;
            }

            var barcodes = product.Barcodes ?? [];
            for (var j = 0; j < barcodes.Count; j++)
            {
                var code = barcodes[j].Code;
                if (!firstIndexByBarcode.TryAdd(code, i))
                {
                    problem(i, ProductFields.Barcode(j), $"'{code}' is also given for {describe(firstIndexByBarcode[code])}", false);
                    ok = false;
                }
                else if (BarcodeTakenBy(code, product.Sku, references, released) is { } owner)
                {
                    problem(i, ProductFields.Barcode(j), BarcodeTaken(code, owner), true);
                    ok = false;
                }
            }

            if (ok)
            {
                changes.Add(Compare(product, category!, existing));
            }
        }

        return changes;
    }

    /// <summary>The database checks for an item that is invalid on its own, as far as its fields can be read.</summary>
    private static void CheckDraft(
        int index, ProductDraft draft, CatalogReferences references, ProductSaveMode mode, HashSet<string> released, ProductProblemSink problem)
    {
        var sku = draft.Sku?.Trim() ?? "";
        if (mode == ProductSaveMode.Create && references.ProductsBySku.ContainsKey(sku))
        {
            problem(index, ProductFields.Sku, SkuTaken(sku), true);
        }

        if (draft.Barcodes is null && !references.ProductsBySku.ContainsKey(sku))
        {
            problem(index, ProductFields.Barcodes, BarcodesRequired, false);
        }

        var category = draft.CategoryCode?.Trim();
        if (!string.IsNullOrEmpty(category) && references.Category(category) is null)
        {
            problem(index, ProductFields.CategoryCode, UnknownCategory(category), false);
        }

        var barcodes = draft.Barcodes ?? [];
        for (var j = 0; j < barcodes.Count; j++)
        {
            var code = barcodes[j]?.Trim() ?? "";
            if (BarcodeTakenBy(code, sku, references, released) is { } owner)
            {
                problem(index, ProductFields.Barcode(j), BarcodeTaken(code, owner), true);
            }
        }
    }

    private const string BarcodesRequired = "is required for a new product: give at least one barcode (EAN-13, EAN-8, UPC-A or an internal code)";

    private static string SkuTaken(string sku) => $"a product with SKU '{sku}' already exists";

    private static string UnknownCategory(string category) => $"unknown category '{category}'";

    private static string BarcodeTaken(string code, string owner) => $"'{code}' already belongs to product {owner}";

    private static string? BarcodeTakenBy(string code, string sku, CatalogReferences references, HashSet<string> released) =>
        references.BarcodeOwners.TryGetValue(code, out var owner) && owner != sku && !released.Contains(code) ? owner : null;

    /// <summary>Barcodes that a product of this batch currently holds and gives up, so another product of the batch may take them.</summary>
    private static HashSet<string> ReleasedBarcodes(IReadOnlyList<PlanItem> items, CatalogReferences references)
    {
        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (var product in items.Select(i => i.Valid).OfType<ValidProduct>())
        {
            if (product.Barcodes is not null && references.ProductsBySku.TryGetValue(product.Sku, out var existing))
            {
                released.UnionWith(existing.View.Barcodes.Select(b => b.Code).Except(product.Barcodes.Select(b => b.Code), StringComparer.Ordinal));
            }
        }

        return released;
    }
    private static ProductChange Compare(ValidProduct product, CategoryRef category, StoredProduct? existing)
    {
        if (existing is null)
        {
            return new ProductChange(product, category, null, true, true);
        }

        var view = existing.View;
        var fieldsChanged = view.Name != product.Name
            || view.Spec != product.Spec
            || view.Unit != product.Unit
            || existing.CategoryId != category.Id
            || view.CostPrice != product.CostPrice
            || view.SalePrice != product.SalePrice
            || view.ShelfLifeDays != product.ShelfLifeDays
            || view.DefaultPolicy() != product.Policy;
        var barcodesChanged = product.Barcodes is not null
            && !view.Barcodes.Select(b => b.Code).ToHashSet(StringComparer.Ordinal).SetEquals(product.Barcodes.Select(b => b.Code));
        return new ProductChange(product, category, existing, fieldsChanged, barcodesChanged);
    }
}
