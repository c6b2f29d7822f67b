using StoreStock.Engine.Runtime;
using StoreStock.Engine.Activities.BuiltIn;
using System.Globalization;
using System.Text.Json;
using StoreStock.Engine;
using StoreStock.Engine.Tasks;
using StoreStock.WeCom.Callbacks;
using StoreStock.WeCom.Cards;
using StoreStock.WeCom.Client;
using TaskStatus = StoreStock.Engine.Tasks.TaskStatus;

namespace StoreStock.WeCom.Delivery;

/// <summary>
/// Turns an outbox message into what WeCom shows: a one-tap <c>button_interaction</c> card for a decision without a
/// form, a <c>text_notice</c> card linking to the task page when a form must be filled, plain text for notifications,
/// and the greyed-out button text when a task was closed. Chinese, within WeCom's field limits.
/// </summary>
public sealed class CardRenderer(ICardDirectory directory, IWeComActorResolver people, TaskLinks links)
{
    /// <summary>WeCom drops a second identical request inside this window (the maximum, 4 h), so a resend after a crash is not shown twice.</summary>
    public const int DuplicateCheckSeconds = 4 * 60 * 60;

    private const int MaxButtons = 6;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<DeliveryPlan> RenderAsync(ClaimedMessage message, CancellationToken ct)
    {
        if (message.Kind == OutboxMessageKind.TaskClosed)
        {
            return new DeliveryPlan.CloseCards(await ClosedTextAsync(message.Task, ct));
        }

        if (message.Kind == OutboxMessageKind.Notify || message.TaskId is null)
        {
            return new DeliveryPlan.Send(Envelope(message, "text") with { Text = new TextContent(TextContent(message)) });
        }

        if (message.Task is not { } task)
        {
            return new DeliveryPlan.Skip("任务已不存在，未发送 (the task no longer exists)");
        }

        if (task.Status != TaskStatus.Open)
        {
            return new DeliveryPlan.Skip($"任务已{StatusWord(task.Status)}，未发送 (the task is already {task.Status})");
        }

        if (!task.Assignees.Contains(message.Recipient, StringComparer.Ordinal))
        {
            return new DeliveryPlan.Skip("收件人已不是处理人，未发送 (the recipient no longer holds the task)");
        }

        return new DeliveryPlan.Send(Envelope(message, "template_card") with { TemplateCard = await CardAsync(message, message.TaskId.Value, task, ct) });
    }

    /// <summary>A card is a one-tap decision when nothing must be filled in and its outcomes fit on WeCom's buttons.</summary>
    private static bool IsOneTap(TaskSnapshot task)
    {
        var form = JsonSerializer.Deserialize<List<FormField>>(task.FormJson, EngineJson.Options) ?? [];
        return !form.Exists(f => f.Required) && task.Outcomes.Count is > 0 and <= MaxButtons;
    }

    private async Task<TemplateCard> CardAsync(ClaimedMessage message, Guid taskId, TaskSnapshot task, CancellationToken ct)
    {
        var taskUrl = links.For(taskId);
        var oneTap = IsOneTap(task);
        var title = FieldLimits.Chars(message.Title, FieldLimits.MainTitle);
        // A title cut short (an amount at its end) is repeated whole above the body.
        var detail = title == message.Title ? message.Body : $"{message.Title}\n{message.Body}".TrimEnd('\n');
        var card = new TemplateCard
        {
            CardType = oneTap ? "button_interaction" : "text_notice",
            TaskId = CardTaskId.Format(taskId, message.Id),
            Source = Source(message.Kind),
            MainTitle = new CardTitle(title),
            SubTitleText = detail.Length == 0 ? null : FieldLimits.Chars(detail, FieldLimits.SubTitleText),
            HorizontalContentList = await FactsAsync(task, ct),
        };
        return oneTap
            ? card with { ButtonList = task.Outcomes.Select(Button).ToList() }
            : card with
            {
                CardAction = new CardAction(1, taskUrl),
                JumpList = [new JumpLink(1, "打开任务填写", taskUrl)],
            };
    }

    private static CardSource Source(string kind) => kind switch
    {
        OutboxMessageKind.Remind => new CardSource(Desc: "门店库存 · 提醒", DescColor: 1),
        OutboxMessageKind.Escalate => new CardSource(Desc: "门店库存 · 已升级", DescColor: 2),
        _ => new CardSource(Desc: "门店库存", DescColor: 0),
    };

    private async Task<IReadOnlyList<HorizontalContent>> FactsAsync(TaskSnapshot task, CancellationToken ct)
    {
        var facts = new List<HorizontalContent>();
        if (task.DueAt is { } due)
        {
            facts.Add(Fact("截止", due.ToOffset(ChinaOffset).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)));
        }

        if (task.StoreId is { } storeId && await directory.StoreNameAsync(storeId, ct) is { Length: > 0 } store)
        {
            facts.Add(Fact("门店", store));
        }

        if (task.EscalationLevel > 0)
        {
            facts.Add(Fact("级别", $"已升级 {task.EscalationLevel.ToString(CultureInfo.InvariantCulture)} 级"));
        }

        return facts;
    }

    private static HorizontalContent Fact(string key, string value) =>
        new(FieldLimits.Chars(key, FieldLimits.Keyname), FieldLimits.Chars(value, FieldLimits.Value));

    private static CardButton Button(string outcome) => new(
        FieldLimits.Chars(CardTexts.OutcomeLabel(outcome), FieldLimits.ButtonText),
        outcome,
        outcome == ApprovalChain.Reject ? 2 : 1);

    /// <summary>
    /// Title and body, then the message number: WeCom's duplicate check compares whole requests, so two notifications
    /// with the same words inside its window would otherwise lose the second.
    /// </summary>
    private static string TextContent(ClaimedMessage message)
    {
        var reference = $"\n（消息编号 {message.Id.ToString(CultureInfo.InvariantCulture)}）";
        var words = message.Body.Length == 0 ? message.Title : $"{message.Title}\n{message.Body}";
        return FieldLimits.Bytes(words, FieldLimits.TextBytes - System.Text.Encoding.UTF8.GetByteCount(reference)) + reference;
    }

    private static AppMessage Envelope(ClaimedMessage message, string type) => new()
    {
        ToUser = message.UserId,
        MsgType = type,
        EnableDuplicateCheck = 1,
        DuplicateCheckInterval = DuplicateCheckSeconds,
    };

    /// <summary>The same words a click on a card that someone else decided shows ("已由 王店长 同意").</summary>
    private async Task<string> ClosedTextAsync(TaskSnapshot? task, CancellationToken ct) => task?.Status switch
    {
        TaskStatus.Expired => CardTexts.Expired,
        TaskStatus.Cancelled => CardTexts.Cancelled,
        TaskStatus.Completed => await CardTexts.DecidedByAsync(people, task.CompletedBy, task.Outcome, ct),
        _ => CardTexts.Done,
    };

    private static string StatusWord(string status) => status switch
    {
        TaskStatus.Completed => "完成",
        TaskStatus.Expired => "过期",
        TaskStatus.Cancelled => "取消",
        _ => status,
    };
}
