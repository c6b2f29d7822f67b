namespace StoreStock.Inventory.Purchasing;

/// <summary>
/// draft → confirmed (the manager checked the lines) → approved (HQ, above the threshold) → ordered (sent to the
/// supplier) → partially_received → received; a draft can be rejected or cancelled.
/// </summary>
public static class PurchaseOrderStatus
{
    public const string Draft = "draft";
    public const string Confirmed = "confirmed";
    public const string Approved = "approved";
    public const string Ordered = "ordered";
    public const string PartiallyReceived = "partially_received";
    public const string Received = "received";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Draft, Confirmed, Approved, Ordered, PartiallyReceived, Received, Rejected, Cancelled];

    /// <summary>Still expecting goods: its lines count as on order.</summary>
    public static readonly string[] Open = [Draft, Confirmed, Approved, Ordered, PartiallyReceived];

    /// <summary>Sent to the supplier: goods may arrive.</summary>
    public static readonly string[] Receivable = [Ordered, PartiallyReceived];
}
