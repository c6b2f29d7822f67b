using StoreStock.Engine.Activities.BuiltIn;

namespace StoreStock.WeCom.Callbacks;

/// <summary>What a clicked card's buttons turn into (update_template_card's button.replace_name).</summary>
public static class CardTexts
{
    public const string Done = "已处理";
    public const string Expired = "已过期";
    public const string Cancelled = "已取消";
    public const string Reassigned = "已转交他人处理";
    public const string Invalid = "已失效";
    public const string NotYours = "无权处理";

    /// <summary>The button did not carry an outcome the card accepts (a form card): the tasks app is the place for it.</summary>
    public const string UseTasksApp = "请在应用中处理";

    /// <summary>The clicker's own decision.</summary>
    public static string Decided(string? outcome) => outcome switch
    {
        ApprovalChain.Approve => "已同意",
        ApprovalChain.Reject => "已驳回",
        _ => $"已处理：{outcome}",
    };

    /// <summary>Somebody (maybe the clicker, on an earlier click) decided first.</summary>
    public static string DecidedBy(string? who, string? outcome) => (who, outcome) switch
    {
        (null, _) => Done,
        (_, ApprovalChain.Approve) => $"已由 {who} 同意",
        (_, ApprovalChain.Reject) => $"已由 {who} 驳回",
        _ => Done,
    };
}
