namespace StoreStock.Inventory.Purchasing;

public sealed record PurchaseOrderLineView(
    int ProductId, string Sku, string Name, decimal SuggestedQuantity, decimal OrderedQuantity, decimal ReceivedQuantity, decimal UnitCost);

public sealed record PurchaseOrderView(
    string Number,
    string Store,
    int StoreId,
    int LocationId,
    string Status,
    decimal TotalValue,
    Guid? InstanceId,
    string RunDay,
    string Trigger,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ConfirmedBy,
    string? ApprovedBy,
    DateTimeOffset? OrderedAt)
{
    public IReadOnlyList<PurchaseOrderLineView> Lines { get; init; } = [];
}

/// <summary>A draft written by a run: which store it is for and what it is worth.</summary>
public sealed record DraftedOrder(long Id, int StoreId, string Number, decimal TotalValue);

/// <summary>A line a person entered on a card: a product on the order and a quantity.</summary>
public sealed record OrderLineInput(int ProductId, decimal Quantity);
