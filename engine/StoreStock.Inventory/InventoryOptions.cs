namespace StoreStock.Inventory;

public sealed class InventoryOptions
{
    /// <summary>How long an online order's reservation holds before it is released.</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A line quantity above this is refused as absurd.</summary>
    public decimal MaxLineQuantity { get; set; } = 100_000;

    /// <summary>How many concurrent POS receipts one commit may carry.</summary>
    public int PosBatchSize { get; set; } = 128;
}
