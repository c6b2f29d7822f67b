namespace StoreStock.Inventory.Catalog;

/// <summary>A product as the API and exports show it; the policy fields are the product's defaults.</summary>
public sealed record ProductView(
    string Sku,
    string Name,
    string? Spec,
    string Unit,
    string CategoryCode,
    string CategoryName,
    decimal CostPrice,
    decimal SalePrice,
    int? ShelfLifeDays,
    IReadOnlyList<ProductBarcode> Barcodes,
    decimal LowStockLine,
    int OverstockDays,
    decimal SafetyStock,
    int LeadTimeDays,
    decimal OrderMultiple,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public PolicyValues DefaultPolicy() => new(LowStockLine, OverstockDays, SafetyStock, LeadTimeDays, OrderMultiple);
}

/// <summary>A product with the ids the write paths need.</summary>
public sealed record StoredProduct(int Id, int CategoryId, ProductView View);
