namespace StoreStock.Inventory.Transfers;

/// <summary>A transfer as people read it: both ends, the stage with who and when, and each line's quantities.</summary>
public sealed class TransferView
{
    [System.Text.Json.Serialization.JsonIgnore]
    public long Id { get; init; }

    public string Number { get; init; } = "";
    public string Status { get; init; } = "";
    public string FromLocation { get; init; } = "";
    public string? FromStore { get; init; }
    public string ToStore { get; init; } = "";
    public string ToLocation { get; init; } = "";
    public decimal TotalValue { get; init; }
    public bool CrossRegion { get; init; }
    public Guid InstanceId { get; init; }
    public string? Note { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? ShippedBy { get; init; }
    public DateTimeOffset? ShippedAt { get; init; }
    public string? ReceivedBy { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public IReadOnlyList<TransferLineView> Lines { get; set; } = [];
}

/// <summary>Discrepancy = received − shipped: negative short, positive over; null until received.</summary>
public sealed class TransferLineView
{
    public int LineNo { get; init; }
    public int ProductId { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal Requested { get; init; }
    public decimal? Shipped { get; init; }
    public decimal? Received { get; init; }
    public decimal? Discrepancy { get; init; }
    public decimal UnitCost { get; init; }
}
