namespace StoreStock.Inventory.Transfers;

/// <summary>The stages of a transfer 调拨单, as stored in <c>transfer.status</c>.</summary>
public static class TransferStatus
{
    public const string Requested = "requested"; // 已申请，库存已预留
    public const string Approved = "approved";   // 已审批
    public const string Shipped = "shipped";     // 已发货，在途
    public const string Received = "received";   // 已收货
    public const string Rejected = "rejected";   // 已驳回
    public const string Cancelled = "cancelled"; // 已取消
    public const string ShortOfStock = "short";        // 可用库存不足，未预留

    public static readonly string[] All = [Requested, Approved, Shipped, Received, Rejected, Cancelled, ShortOfStock];

    /// <summary>Stock is reserved at the source in these stages; releasing or shipping ends the reservation.</summary>
    public static bool HoldsReservation(string status) => status is Requested or Approved;
}
