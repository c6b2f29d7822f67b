using StoreStock.Engine.Runtime;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Delivery;

/// <summary>
/// One round of delivery: claim what is due, send it outside any transaction, settle every result in one
/// transaction. At least once: a node that dies between send and settle leaves the claim to expire and the message
/// is sent again, which WeCom's duplicate check (or a card's task_id, already used) keeps off the phone.
/// </summary>
public sealed class DeliveryPass(
    OutboxClaims claims,
    CardRenderer renderer,
    IWeComClient client,
    FailurePolicy failures,
    DeliverySettlement settlement,
    TimeProvider clock,
    IOptions<DeliveryOptions> options)
{

    /// <summary>Delivers one batch; returns how many messages it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var batch = await claims.ClaimAsync(clock.GetUtcNow(), ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        var results = new ConcurrentBag<DeliveryResult>();
        try
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
                async (message, token) => results.Add(await DeliverAsync(message, token)));
        }
        finally
        {
            // What was sent before a shutdown is settled still; the rest waits for its lease to run out.
            await settlement.SettleAsync(results.ToList(), clock.GetUtcNow(), CancellationToken.None);
        }

        return batch.Count;
    }

    private async Task<DeliveryResult> DeliverAsync(ClaimedMessage message, CancellationToken ct)
    {
        try
        {
            return await renderer.RenderAsync(message, ct) switch
            {
                DeliveryPlan.Skip skip => DeliveryResult.Skipped(message, skip.Reason),
                DeliveryPlan.CloseCards close => await CloseCardsAsync(message, close.ReplaceName, ct),
                DeliveryPlan.Send send => await SendAsync(message, send.Message, ct),
                var plan => throw new InvalidOperationException($"Unknown plan {plan}"),
            };
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // WeCom's refusals and outages, and anything unexpected (a card that cannot be drawn): back-off, dead in the end, never a loop.
            return failures.Failed(message, e, clock.GetUtcNow());
        }
    }

    private async Task<DeliveryResult> SendAsync(ClaimedMessage message, AppMessage app, CancellationToken ct)
    {
        try
        {
            var sent = await client.SendAsync(app, ct);
            if (Lists(sent.InvalidUser, message.UserId))
            {
                return failures.Failed(message, WeComErrors.ToException(WeComErrors.NoValidRecipient, $"invaliduser: {sent.InvalidUser}"), clock.GetUtcNow());
            }

            return DeliveryResult.Sent(message, Card(message, app, sent.ResponseCode));
        }
        catch (WeComApiException e) when (e.ErrorCode == WeComErrors.TaskIdUsed && app.TemplateCard is not null && message.AttemptedBefore)
        {
            return DeliveryResult.Sent(message, Card(message, app, null),
                "重发时 task_id 已存在：上次已送达 (the card's task_id exists: an earlier attempt delivered it)");
        }
    }

    /// <summary>Greys out every card of the task this recipient still could tap; best effort, a spent or expired code is fine.</summary>
    private async Task<DeliveryResult> CloseCardsAsync(ClaimedMessage message, string replaceName, CancellationToken ct)
    {
        var cards = message.TaskId is { } taskId ? await settlement.UpdatableCardsAsync(taskId, message.UserId, ct) : [];
        var used = new List<string>();
        try
        {
            foreach (var card in cards)
            {
                try
                {
                    await client.UpdateTemplateCardAsync(new TemplateCardUpdate
                    {
                        Userids = [message.UserId],
                        ResponseCode = card.ResponseCode,
                        Button = new ReplaceButton(replaceName),
                    }, ct);
                }
                catch (WeComApiException e) when (!e.IsTransient && e.Kind != WeComErrorKind.Configuration)
                {
                    // The code was spent by a click or has expired: the card already shows something final.
                }

                used.Add(card.WeComTaskId);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return failures.Failed(message, e, clock.GetUtcNow()) with { UsedCodes = used };
        }

        var note = cards.Count == 0 ? "没有可更新的卡片 (no card to update)" : $"已更新 {cards.Count} 张卡片 (cards updated)";
        return new DeliveryResult(message, OutboxStatus.Sent, null, null, note, false, UsedCodes: used);
    }

    private static SentCard? Card(ClaimedMessage message, AppMessage app, string? responseCode) =>
        app.TemplateCard is { } card && message.TaskId is { } taskId ? new SentCard(card.TaskId, taskId, card.CardType, responseCode) : null;

    private static bool Lists(string? joined, string userId) =>
        joined is { Length: > 0 } && joined.Split('|').Contains(userId, StringComparer.OrdinalIgnoreCase);
}
