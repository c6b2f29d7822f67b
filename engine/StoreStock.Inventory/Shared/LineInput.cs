namespace StoreStock.Inventory.Shared;

/// <summary>A requested line: a product by barcode or SKU, and a quantity.</summary>
public sealed record LineInput(string? Code, decimal Quantity);

/// <summary>A line after validation and product lookup; lines for the same product are merged.</summary>
public sealed record ResolvedLine(int ProductId, string Sku, decimal Quantity);
