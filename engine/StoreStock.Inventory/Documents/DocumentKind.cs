using StoreStock.Inventory.Access;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Documents;

/// <summary>The numbered stock documents: how each is numbered, what it moves and who may post it.</summary>
public sealed record DocumentKind(string Code, string NumberPrefix, string MoveKind, int Direction, Permission PostPermission)
{
    public static readonly DocumentKind Receipt = new("receipt", "RK", Ledger.MoveKind.PurchaseReceipt, +1, Permission.ReceiveGoods);   // 入库单
    public static readonly DocumentKind Issue = new("issue", "CK", Ledger.MoveKind.Issue, -1, Permission.IssueGoods);                   // 出库单
    public static readonly DocumentKind WriteOff = new("write_off", "BS", Ledger.MoveKind.WriteOff, -1, Permission.ApproveWriteOff);    // 报损单
    public static readonly DocumentKind Return = new("return", "TH", Ledger.MoveKind.ReturnIn, +1, Permission.ReturnGoods);             // 退货单

    public static readonly IReadOnlyList<DocumentKind> All = [Receipt, Issue, WriteOff, Return];

    public static DocumentKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);

    /// <summary>Who may create a draft and add lines: the poster, or for a write-off anyone who may report one.</summary>
    public Permission DraftPermission => this == WriteOff ? Permission.SubmitWriteOff : PostPermission;

    public static readonly string[] WriteOffReasons = ["damaged", "expired", "other"];
}
