using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StoreStock.WeComSimulator.State;
using static StoreStock.WeComSimulator.Api.Json;

namespace StoreStock.WeComSimulator.Api;

/// <summary>
/// POST /cgi-bin/message/send (wecom.md §2): token, agent id, duplicate check, message rules, task_id unique forever,
/// recipients; then each member gets the message unless it is over their rate limit, where it is dropped silently.
/// </summary>
internal static partial class SendMessage
{
    public const int MaxUsers = 1000;

    public static JsonObject Send(SimulatorState s, string token, string body)
    {
        var message = AppCall.Authorize(s, token, body, out var error);
        if (message is null)
        {
            return AppCall.Refuse(s, error!);
        }

        // Before the task_id check: a retried card is a duplicate (errcode 0, shown once), not a reused task_id.
        var checkDuplicates = Int(message["enable_duplicate_check"]) == 1;
        if (checkDuplicates && s.Limits.Duplicate(body, DuplicateInterval(message), s.Now) is { } earlier)
        {
            s.Stats.DuplicatesSuppressed++;
            return JsonNode.Parse(earlier)!.AsObject();
        }

        var msgType = Str(message["msgtype"]);
        var card = message["template_card"] as JsonObject;
        var taskId = Str(card?["task_id"]);
        error = MessageRules.Check(msgType, message)
            ?? (msgType == "template_card" && taskId is not null && s.Cards.ContainsKey(taskId)
                ? new SimError(SimErrors.InvalidTaskId, $"task_id {taskId} has been used") : null);
        var (users, invalidUsers) = Recipients(s, Str(message["touser"]));
        error ??= users.Count > MaxUsers ? new SimError(SimErrors.InvalidParameter, $"touser over {MaxUsers}")
            : users.Count == 0 ? new SimError(SimErrors.NoValidRecipient) : null;
        if (error is not null)
        {
            return AppCall.Refuse(s, error);
        }

        var reply = Accept(s, msgType!, message, users, invalidUsers);
        if (checkDuplicates)
        {
            s.Limits.RememberAccepted(body, reply.ToJsonString(), s.Now);
        }

        return reply;
    }

    private static JsonObject Accept(SimulatorState s, string msgType, JsonObject message, List<string> users, List<string> invalidUsers)
    {
        var now = s.Now;
        var msgId = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", 40);
        var content = message[msgType]!.AsObject();
        var taskId = msgType == "template_card" ? Str(content["task_id"]) : null;
        string? responseCode = null;
        if (taskId is not null)
        {
            var cardType = Str(content["card_type"])!;
            s.Cards[taskId] = cardType;
            if (CardRules.IsInteractive(cardType))
            {
                responseCode = s.ResponseCodes.Issue(taskId, now);
            }
        }

        s.Stats.SendsAccepted++;
        foreach (var userId in users)
        {
            var phone = s.Phones.Of(userId);
            if (!s.Limits.TryDeliver(phone.UserId, now))
            {
                phone.Drop();
                s.Stats.DroppedOverRateLimit++;
                continue;
            }

            var copy = taskId is null ? null : new CardCopy(taskId, content.DeepClone().AsObject());
            s.Phones.Deliver(phone, new PhoneMessage(msgId, msgType, now, content.DeepClone().AsObject(), copy));
            s.Stats.Delivered++;
        }

        var reply = WeComReply.Ok(new JsonObject
        {
            ["invaliduser"] = string.Join('|', invalidUsers),
            ["invalidparty"] = Str(message["toparty"]) ?? "",
            ["invalidtag"] = Str(message["totag"]) ?? "",
            ["unlicenseduser"] = "",
            ["msgid"] = msgId,
        });
        if (responseCode is not null)
        {
            reply["response_code"] = responseCode;
        }

        return reply;
    }

    /// <summary>The members named in touser ('|'-joined; @all = every member the simulator knows) and the malformed ids (lower-cased, as WeCom reports them).</summary>
    private static (List<string> Users, List<string> Invalid) Recipients(SimulatorState s, string? toUser)
    {
        var named = (toUser ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (named is ["@all"])
        {
            return (s.Phones.All.Select(p => p.UserId).Concat(s.App.Users.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), []);
        }

        var valid = named.Where(u => UserIdPattern().IsMatch(u)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var invalid = named.Where(u => !UserIdPattern().IsMatch(u)).Select(u => u.ToLowerInvariant()).ToList();
        return (valid, invalid);
    }

    private static int DuplicateInterval(JsonObject message) =>
        Math.Clamp(Int(message["duplicate_check_interval"]) ?? DeliveryLimits.DefaultDuplicateInterval, 1, DeliveryLimits.MaxDuplicateInterval);

    /// <summary>WeCom userids: 1–64 letters, digits, '-', '_', '.' (and '@', seen in mailbox-style ids).</summary>
    [GeneratedRegex("^[0-9A-Za-z_.@-]{1,64}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UserIdPattern();
}
