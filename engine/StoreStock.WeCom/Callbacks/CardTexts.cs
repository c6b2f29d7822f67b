using StoreStock.Engine.Activities.BuiltIn;
using StoreStock.WeCom.Delivery;
using TaskStatus = StoreStock.Engine.Tasks.TaskStatus;

namespace StoreStock.WeCom.Callbacks;

/// <summary>
/// What a clicked card's greyed-out buttons say (update_template_card's button.replace_name): the clicker's own
/// decision, or what became of the task. At most one button's length (<see cref="FieldLimits.ButtonText"/>).
/// </summary>
public static class CardTexts
{
    public const string Done = "已处理";
    public const string Reassigned = "已转交他人处理";
    public const string Invalid = "已失效";
    public const string NotYours = "无权处理";

    /// <summary>The button did not carry an outcome the card accepts (a form card): the tasks app is the place for it.</summary>
    public const string UseTasksApp = "请在应用中处理";

    private const string UserPrefix = "user:";

    /// <summary>The clicker's own decision.</summary>
    public static string Decided(string? outcome) => outcome switch
    {
        ApprovalChain.Approve => "已同意",
        ApprovalChain.Reject => "已驳回",
        _ => $"已处理：{FieldLimits.Chars(outcome ?? "", FieldLimits.ButtonText - 4)}",
    };

    /// <summary>How a task that is no longer open ended: who decided what ("已由 王店长 同意"), or that it expired or was cancelled.</summary>
    public static async Task<string> SettledAsync(string status, string? completedBy, string? outcome, ICardDirectory people, CancellationToken ct)
    {
        if (status != TaskStatus.Completed)
        {
            return status switch
            {
                TaskStatus.Expired => "已过期",
                TaskStatus.Cancelled => "已取消",
                _ => Done,
            };
        }

        if (completedBy is not { } actor || !actor.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            return Done;
        }

        var who = await people.DisplayNameAsync(actor[UserPrefix.Length..], ct);
        var verb = outcome switch
        {
            ApprovalChain.Approve => "同意",
            ApprovalChain.Reject => "驳回",
            _ => "处理",
        };
        // "已由 " + name + " " + verb on one button: a long name is shortened so the decision always shows.
        return $"已由 {FieldLimits.Chars(who, FieldLimits.ButtonText - 4 - verb.Length)} {verb}";
    }
}
