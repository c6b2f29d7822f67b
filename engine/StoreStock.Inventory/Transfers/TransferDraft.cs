namespace StoreStock.Inventory.Transfers;

/// <summary>
/// A transfer request after validation, with every code resolved to an id: what the workflow starts with and what
/// <see cref="TransferService.CreateAsync"/> turns into the document.
/// </summary>
public sealed record TransferDraft(int FromLocationId, int? FromStoreId, int ToStoreId, int ToLocationId, IReadOnlyList<TransferQuantity> Lines, string? Note);

/// <summary>A quantity of one product, the shape of a task card's product lines ({ productId, quantity }).</summary>
public sealed record TransferQuantity(int ProductId, decimal Quantity);
