using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Bounds on policy values, shared by product defaults and store overrides.</summary>
public static class PolicyRules
{
    public static void Check(PolicyOverride policy, decimal maxQuantity, FieldErrors errors)
    {
        CheckQuantity(ProductFields.LowStockLine, policy.LowStockLine, allowZero: true, maxQuantity, errors);
        CheckDays(ProductFields.OverstockDays, policy.OverstockDays, 1, CatalogLimits.MaxOverstockDays, errors);
        CheckQuantity(ProductFields.SafetyStock, policy.SafetyStock, allowZero: true, maxQuantity, errors);
        CheckDays(ProductFields.LeadTimeDays, policy.LeadTimeDays, 0, CatalogLimits.MaxLeadTimeDays, errors);
        CheckQuantity(ProductFields.OrderMultiple, policy.OrderMultiple, allowZero: false, maxQuantity, errors);
    }

    private static void CheckQuantity(string field, decimal? value, bool allowZero, decimal maxQuantity, FieldErrors errors)
    {
        if (value is not { } quantity)
        {
            return;
        }

        if (quantity < 0 || (!allowZero && quantity == 0))
        {
            errors.Add(field, allowZero ? "must not be negative" : "must be greater than 0");
        }
        else if (quantity > maxQuantity)
        {
            errors.Add(field, $"must be at most {maxQuantity}");
        }
        else if (!CatalogLimits.HasAtMostDecimals(quantity, CatalogLimits.QuantityDecimals))
        {
            errors.Add(field, $"must have at most {CatalogLimits.QuantityDecimals} decimal places");
        }
    }

    private static void CheckDays(string field, int? value, int min, int max, FieldErrors errors)
    {
        if (value is { } days && (days < min || days > max))
        {
            errors.Add(field, $"must be between {min} and {max} days");
        }
    }
}
