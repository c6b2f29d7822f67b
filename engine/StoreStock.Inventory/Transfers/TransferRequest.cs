namespace StoreStock.Inventory.Transfers;

/// <summary>
/// A store's or HQ's request for goods: from a store (its selling location) or a location by code (the central
/// warehouse), to a store's selling location; lines by SKU or barcode.
/// </summary>
public sealed record TransferRequest(string? FromStore, string? FromLocation, string? ToStore, IReadOnlyList<TransferLineRequest?>? Lines, string? Note);

public sealed record TransferLineRequest(string? Sku, string? Barcode, decimal Quantity);
