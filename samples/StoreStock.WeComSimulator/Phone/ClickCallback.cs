using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.WeCom.Crypto;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Phone;

/// <summary>
/// A button tapped on a simulated phone becomes what WeCom posts: a template_card_event (wecom.md §4.3) with a fresh
/// single-use ResponseCode, encrypted and signed with the host's WeCom Token, EncodingAESKey and CorpId, posted to
/// the callback URL with msg_signature, timestamp and nonce in the query string.
/// </summary>
internal static class ClickCallback
{
    public static async Task<Results<Ok<ClickResult>, ProblemHttpResult>> ClickAsync(
        string userId, ClickRequest request, SimulatorState state, CallbackSender sender, CancellationToken ct)
    {
        var callbackUrl = sender.CallbackUrl();
        if (callbackUrl is null)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "回调地址未知 (no callback address: the host is not listening yet and WeComSimulator:CallbackUrl is empty)");
        }

        PostedCallback? posted = null;
        var refusal = state.Locked(s =>
        {
            var phone = s.Phones.Find(userId);
            var copy = phone?.Messages.LastOrDefault(m => m.Card?.TaskId == request.TaskId)?.Card;
            if (copy is null)
            {
                return Problem(StatusCodes.Status404NotFound, "该成员没有这张卡片 (this member has no card with that task id)");
            }

            if (!copy.CanClick(request.Key))
            {
                return copy.ReplaceText is null
                    ? Problem(StatusCodes.Status400BadRequest, "卡片上没有这个按钮 (the card has no callback button with that key)")
                    : Problem(StatusCodes.Status409Conflict, $"按钮已失效：{copy.ReplaceText} (the buttons are greyed out)");
            }

            s.Stats.Clicks++;
            posted = s.Callbacks.Add(Seal(s, phone!.UserId, copy, request.Key, callbackUrl));
            return null;
        });
        return refusal ?? await PostAsync(posted!, state, sender, ct);
    }

    /// <summary>Posts a callback again exactly as before (same signature, timestamp, nonce), as WeCom does when it retries.</summary>
    public static async Task<Results<Ok<ClickResult>, ProblemHttpResult>> ReplayAsync(
        long id, SimulatorState state, CallbackSender sender, CancellationToken ct)
    {
        var posted = state.Locked(s => s.Callbacks.Find(id));
        return posted is null
            ? Problem(StatusCodes.Status404NotFound, "没有这个回调 (no such callback)")
            : await PostAsync(posted, state, sender, ct);
    }

    /// <summary>One delivery attempt of a callback, recorded with it.</summary>
    private static async Task<Results<Ok<ClickResult>, ProblemHttpResult>> PostAsync(PostedCallback posted, SimulatorState state, CallbackSender sender, CancellationToken ct)
    {
        var attempt = await sender.PostAsync(posted, ct);
        state.Locked(_ => posted.Attempts.Add(attempt));
        return TypedResults.Ok(new ClickResult(posted.Id, attempt.Status, posted.ResponseCode, attempt.Error));
    }

    private static PostedCallback Seal(SimulatorState s, string userId, CardCopy copy, string key, Uri callbackUrl)
    {
        var now = s.Now;
        var responseCode = s.ResponseCodes.Issue(copy.TaskId, now);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = TemplateCardEvent.NewNonce();
        var agentId = s.App.AgentId.ToString(CultureInfo.InvariantCulture);
        var xml = TemplateCardEvent.Xml(s.App.CorpId, userId, now.ToUnixTimeSeconds(), key, copy.TaskId, copy.CardType, responseCode, s.App.AgentId);
        var sealedMessage = new WeComMessageCrypt(s.App.Token, s.App.EncodingAESKey, s.App.CorpId).Seal(xml, timestamp, nonce, agentId);
        var query = $"msg_signature={sealedMessage.Signature}&timestamp={timestamp}&nonce={nonce}";
        var url = new UriBuilder(callbackUrl) { Query = string.IsNullOrEmpty(callbackUrl.Query) ? query : callbackUrl.Query.TrimStart('?') + "&" + query }.Uri;
        return new PostedCallback(0, now, userId, copy.TaskId, key, responseCode, xml, url, sealedMessage.Envelope);
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}

public sealed record ClickRequest(string TaskId, string Key);

/// <summary>The callback that was posted (see GET /wecom-sim/api/callbacks), the status StoreStock answered (0 = no answer) and the click's response code.</summary>
public sealed record ClickResult(long CallbackId, int CallbackStatus, string ResponseCode, string? Error);
