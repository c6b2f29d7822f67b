using StoreStock.Engine.Runtime;
namespace StoreStock.WeCom.Delivery;

/// <summary>
/// How one claimed message ended this round. <paramref name="MayHaveReachedWeCom"/> keeps its send-log entry (counted
/// against the member's limits from now); otherwise the entry is freed.
/// </summary>
public sealed record DeliveryResult(
    ClaimedMessage Message,
    string Status,
    DateTimeOffset? NextAttemptAt,
    string? Error,
    string? Note,
    bool MayHaveReachedWeCom,
    SentCard? Card = null,
    IReadOnlyList<string>? UsedCodes = null)
{
    public static DeliveryResult Sent(ClaimedMessage message, SentCard? card = null, string? note = null) =>
        new(message, OutboxStatus.Sent, null, null, note, true, card);

    public static DeliveryResult Skipped(ClaimedMessage message, string reason) =>
        new(message, OutboxStatus.Sent, null, null, reason, false);
}

/// <summary>A template card WeCom accepted: its task_id and the response_code that may update it once.</summary>
public sealed record SentCard(string WeComTaskId, Guid TaskId, string CardType, string? ResponseCode);
