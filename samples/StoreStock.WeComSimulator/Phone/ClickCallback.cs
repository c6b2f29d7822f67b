using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
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
        string userId, ClickRequest request, SimulatorState state, CallbackSender sender, TimeProvider time, CancellationToken ct)
    {
        var callbackUrl = sender.CallbackUrl();
        if (callbackUrl is null)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "回调地址未知 (no callback address: the host is not listening yet and WeComSimulator:CallbackUrl is empty)");
        }

        PostedCallback? posted = null;
        var refusal = state.Locked(s =>
        {
            var copy = s.Phones.Find(userId)?.Messages.LastOrDefault(m => m.Card?.TaskId == request.TaskId)?.Card;
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
            posted = s.Callbacks.Add(Seal(s, s.Phones.Find(userId)!.UserId, copy, request.Key, callbackUrl));
            return null;
        });
        if (refusal is not null)
        {
            return refusal;
        }

        var attempt = await sender.PostAsync(posted!, time, ct);
        state.Locked(_ => posted!.Attempts.Add(attempt));
        return TypedResults.Ok(new ClickResult(posted!.Id, attempt.Status, posted.ResponseCode, attempt.Error));
    }

    /// <summary>Posts a callback again exactly as before (same signature, timestamp, nonce), as WeCom does when it retries.</summary>
    public static async Task<Results<Ok<ClickResult>, ProblemHttpResult>> ReplayAsync(
        long id, SimulatorState state, CallbackSender sender, TimeProvider time, CancellationToken ct)
    {
        var posted = state.Locked(s => s.Callbacks.Find(id));
        if (posted is null)
        {
            return Problem(StatusCodes.Status404NotFound, "没有这个回调 (no such callback)");
        }

        var attempt = await sender.PostAsync(posted, time, ct);
        state.Locked(_ => posted.Attempts.Add(attempt));
        return TypedResults.Ok(new ClickResult(posted.Id, attempt.Status, posted.ResponseCode, attempt.Error));
    }

    private static PostedCallback Seal(SimulatorState s, string userId, CardCopy copy, string key, Uri callbackUrl)
    {
        var now = s.Now;
        var responseCode = s.ResponseCodes.Issue(copy.TaskId, now);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var agentId = s.App.AgentId.ToString(CultureInfo.InvariantCulture);
        var xml = new XElement("xml",
            new XElement("ToUserName", new XCData(s.App.CorpId)),
            new XElement("FromUserName", new XCData(userId)),
            new XElement("CreateTime", timestamp),
            new XElement("MsgType", new XCData("event")),
            new XElement("Event", new XCData("template_card_event")),
            new XElement("EventKey", new XCData(key)),
            new XElement("TaskId", new XCData(copy.TaskId)),
            new XElement("CardType", new XCData(copy.CardType)),
            new XElement("ResponseCode", new XCData(responseCode)),
            new XElement("AgentID", agentId)).ToString(SaveOptions.DisableFormatting);
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
