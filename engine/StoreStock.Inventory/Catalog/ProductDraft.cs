namespace StoreStock.Inventory.Catalog;

/// <summary>
/// A product as a person or a spreadsheet row describes it. Required fields may be missing here; the validator says so.
/// <see cref="Barcodes"/> left out means "keep the product's barcodes" on an update.
/// </summary>
public sealed record ProductDraft
{
    public string? Sku { get; init; }

    public string? Name { get; init; }

    public string? Spec { get; init; }

    public string? Unit { get; init; }

    public string? CategoryCode { get; init; }

    public decimal? CostPrice { get; init; }

    public decimal? SalePrice { get; init; }

    public int? ShelfLifeDays { get; init; }

    public IReadOnlyList<string>? Barcodes { get; init; }

    public decimal? LowStockLine { get; init; }

    public int? OverstockDays { get; init; }

    public decimal? SafetyStock { get; init; }

    public int? LeadTimeDays { get; init; }

    public decimal? OrderMultiple { get; init; }
}

/// <summary>A product that passed validation, with defaults filled in and text trimmed.</summary>
public sealed record ValidProduct(
    string Sku,
    string Name,
    string? Spec,
    string Unit,
    string CategoryCode,
    decimal CostPrice,
    decimal SalePrice,
    int? ShelfLifeDays,
    IReadOnlyList<ProductBarcode>? Barcodes,
    PolicyValues Policy);

public sealed record ProductBarcode(string Code, string Kind);
