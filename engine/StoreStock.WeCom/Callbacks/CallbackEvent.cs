using System.Globalization;
using StoreStock.WeCom.Crypto;

namespace StoreStock.WeCom.Callbacks;

/// <summary>The decrypted callback XML (wecom.md §4.3): who sent it, when, and for a card click which button on which card.</summary>
public sealed record CallbackEvent(
    string ToUserName,
    string FromUserName,
    long CreateTime,
    string MsgType,
    string? Event,
    string? EventKey,
    string? TaskId,
    string? ResponseCode,
    string? MsgId,
    string Content)
{
    public const string CardClickEvent = "template_card_event";

    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31, the last second DateTimeOffset can hold

    /// <summary>A button on a template card: the only callback StoreStock acts on.</summary>
    public bool IsCardClick => MsgType == "event" && Event == CardClickEvent;

    /// <summary>
    /// What makes a redelivery the same event: a click's ResponseCode is fresh per click; a message has its MsgId;
    /// any other event falls back to sender, time and event fields (WeCom's own advice is sender + time).
    /// </summary>
    public string DedupKey =>
        ResponseCode is { Length: > 0 } code ? $"rc:{code}"
        : MsgId is { Length: > 0 } id ? $"msg:{id}"
        : string.Create(CultureInfo.InvariantCulture, $"ev:{FromUserName}|{CreateTime}|{MsgType}|{Event}|{TaskId}|{EventKey}");

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(CreateTime);

    /// <summary>Parses the decrypted XML (DTD refused); a missing sender, time or type is malformed (-40002).</summary>
    public static CallbackEvent Parse(string xml)
    {
        var root = WeComXml.Parse(xml);
        if (root.Name.LocalName != "xml")
        {
            throw Malformed("the root element is not <xml>");
        }

        var to = Required(root.Child("ToUserName"), "ToUserName");
        var from = Required(root.Child("FromUserName"), "FromUserName");
        var msgType = Required(root.Child("MsgType"), "MsgType");
        if (!long.TryParse(root.Child("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var createTime) || createTime > MaxUnixSeconds)
        {
            throw Malformed("CreateTime is missing or not unix seconds");
        }

        return new CallbackEvent(to, from, createTime, msgType, Optional(root.Child("Event")), Optional(root.Child("EventKey")),
            Optional(root.Child("TaskId")), Optional(root.Child("ResponseCode")), Optional(root.Child("MsgId")), xml);
    }

    private static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw Malformed($"{name} is missing");

    private static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static WeComCryptoException Malformed(string why) => new(WeComCryptoError.MalformedXml, $"malformed callback: {why}");
}
