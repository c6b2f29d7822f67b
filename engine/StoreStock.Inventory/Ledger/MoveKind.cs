namespace StoreStock.Inventory.Ledger;

/// <summary>The kinds of stock move, as stored in <c>stock_move.kind</c>.</summary>
public static class MoveKind
{
    public const string OpeningBalance = "opening_balance";
    public const string PurchaseReceipt = "purchase_receipt";   // 采购入库
    public const string ReturnIn = "return_in";                 // 退货入库
    public const string Issue = "issue";                        // 出库
    public const string Sale = "sale";                          // 销售出库
    public const string GroupBuyRedemption = "groupbuy_redemption"; // 团购核销
    public const string GroupBuyUndo = "groupbuy_undo";         // 撤销核销
    public const string WriteOff = "write_off";                 // 报损
    public const string TransferOut = "transfer_out";           // 调拨出库
    public const string TransferIn = "transfer_in";             // 调拨入库
    public const string TransferShip = "transfer_ship";
    public const string StocktakeGain = "stocktake_gain";       // 盘盈
    public const string StocktakeLoss = "stocktake_loss";       // 盘亏
    public const string Reserve = "reserve";
    public const string Release = "release";

    /// <summary>Kinds that count as sold quantity in the 7- and 30-day sales figures (undo counts negative).</summary>
    public static readonly string[] Sold = [Sale, GroupBuyRedemption, GroupBuyUndo];
}
