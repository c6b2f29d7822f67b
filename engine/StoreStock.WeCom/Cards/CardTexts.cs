using StoreStock.Engine.Runtime;
using StoreStock.Engine.Activities.BuiltIn;
using StoreStock.WeCom.Callbacks;

namespace StoreStock.WeCom.Cards;

/// <summary>
/// The words on a task card: a button's label for an outcome, and what the buttons turn into once the task is decided
/// (update_template_card's button.replace_name) — the same whether the click did it or the delivery greys the card.
/// </summary>
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

    /// <summary>The text a button shows for an outcome.</summary>
    public static string OutcomeLabel(string outcome) => Verb(outcome) ?? outcome;

    /// <summary>The clicker's own decision.</summary>
    public static string Decided(string? outcome) => Verb(outcome) is { } verb ? $"已{verb}" : $"已处理：{outcome}";

    /// <summary>
    /// Somebody (maybe the clicker, on an earlier click) decided first: "已由 王店长 同意" when a person approved or
    /// rejected (their display name, else their username), otherwise <see cref="Done"/>.
    /// </summary>
    public static async Task<string> DecidedByAsync(IWeComActorResolver people, string? completedBy, string? outcome, CancellationToken ct)
    {
        if (WorkflowActor.UsernameOf(completedBy) is not { } username || Verb(outcome) is not { } verb)
        {
            return Done;
        }

        return $"已由 {await people.DisplayNameAsync(username, ct) ?? username} {verb}";
    }

    private static string? Verb(string? outcome) => outcome switch
    {
        ApprovalChain.Approve => "同意",
        ApprovalChain.Reject => "驳回",
        _ => null,
    };
}
