using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Checks a draft on its own (no database): required fields, lengths, ranges and barcode check digits.</summary>
public static class ProductValidator
{
    /// <returns>The valid product, or null when <paramref name="errors"/> received at least one problem.</returns>
    public static ValidProduct? Validate(ProductDraft draft, decimal maxQuantity, FieldErrors errors)
    {
        var before = errors.Count;
        var sku = TextRules.Required(ProductFields.Sku, draft.Sku, CatalogLimits.SkuMaxLength, errors);
        if (sku is not null && !CatalogLimits.IsCode(sku))
        {
            errors.Add(ProductFields.Sku, "may contain only letters, digits, '-', '_' and '.'");
        }

        var name = TextRules.Required(ProductFields.Name, draft.Name, CatalogLimits.NameMaxLength, errors);
        var spec = TextRules.Optional(ProductFields.Spec, draft.Spec, CatalogLimits.SpecMaxLength, errors);
        var unit = TextRules.Required(ProductFields.Unit, draft.Unit, CatalogLimits.UnitMaxLength, errors);
        var category = TextRules.Required(ProductFields.CategoryCode, draft.CategoryCode, CatalogLimits.CategoryNameMaxLength, errors);
        var costPrice = Price(ProductFields.CostPrice, draft.CostPrice, errors);
        var salePrice = Price(ProductFields.SalePrice, draft.SalePrice, errors);
        if (draft.ShelfLifeDays is { } shelfLife && (shelfLife < 1 || shelfLife > CatalogLimits.MaxShelfLifeDays))
        {
            errors.Add(ProductFields.ShelfLifeDays, $"must be between 1 and {CatalogLimits.MaxShelfLifeDays} days, or left empty");
        }

        var barcodes = draft.Barcodes is null ? null : Barcodes(draft.Barcodes, errors);
        var policy = new PolicyOverride(draft.LowStockLine, draft.OverstockDays, draft.SafetyStock, draft.LeadTimeDays, draft.OrderMultiple);
        PolicyRules.Check(policy, maxQuantity, errors);

        if (errors.Count > before || sku is null || name is null || unit is null || category is null || costPrice is null || salePrice is null)
        {
            return null;
        }

        return new ValidProduct(sku, name, spec, unit, category, costPrice.Value, salePrice.Value, draft.ShelfLifeDays, barcodes, policy.Over(PolicyValues.Defaults));
    }

    /// <summary>Classifies each code; refuses wrong check digits, repeats and too many codes.</summary>
    public static List<ProductBarcode> Barcodes(IReadOnlyList<string> codes, FieldErrors errors)
    {
        if (codes.Count == 0)
        {
            errors.Add(ProductFields.Barcodes, "needs at least one barcode");
        }
        else if (codes.Count > CatalogLimits.MaxBarcodesPerProduct)
        {
            errors.Add(ProductFields.Barcodes, $"may hold at most {CatalogLimits.MaxBarcodesPerProduct} barcodes");
        }

        var result = new List<ProductBarcode>(codes.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim();
            var (kind, error) = Barcode.Classify(code);
            if (kind is null)
            {
                errors.Add(ProductFields.Barcode(i), $"'{codes[i]}': {error}");
            }
            else if (!seen.Add(code!))
            {
                errors.Add(ProductFields.Barcode(i), $"'{code}' is listed twice");
            }
            else
            {
                result.Add(new ProductBarcode(code!, kind));
            }
        }

        return result;
    }

    private static decimal? Price(string field, decimal? value, FieldErrors errors)
    {
        switch (value)
        {
            case null:
                errors.Add(field, "is required");
                return null;
            case < 0:
                errors.Add(field, "must not be negative");
                return null;
            case > CatalogLimits.MaxPrice:
                errors.Add(field, $"must be at most {CatalogLimits.MaxPrice}");
                return null;
            default:
                if (!CatalogLimits.HasAtMostDecimals(value.Value, CatalogLimits.PriceDecimals))
                {
                    errors.Add(field, $"must have at most {CatalogLimits.PriceDecimals} decimal places");
                    return null;
                }

                return value;
        }
    }
}
