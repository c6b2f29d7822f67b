using System.Globalization;

namespace StoreStock.WeCom.Cards;

/// <summary>
/// The template card's task_id: unique per app forever, [0-9A-Za-z_-@], ≤ 128 bytes. It carries the StoreStock task
/// and the outbox message that sent it ("t{task:N}_{outboxId}"), so a click maps back to its task without a lookup
/// and a card sent again (a reminder, an escalation) gets a task_id of its own.
/// </summary>
public static class CardTaskId
{
    public static string Format(Guid taskId, long outboxId) =>
        string.Create(CultureInfo.InvariantCulture, $"t{taskId:N}_{outboxId}");

    public static bool TryParse(string? value, out Guid taskId, out long outboxId)
    {
        taskId = Guid.Empty;
        outboxId = 0;
        return value is { Length: > 34 } && value[0] == 't' && value[33] == '_' &&
               Guid.TryParseExact(value.AsSpan(1, 32), "N", out taskId) &&
               long.TryParse(value.AsSpan(34), NumberStyles.None, CultureInfo.InvariantCulture, out outboxId);
    }
}
