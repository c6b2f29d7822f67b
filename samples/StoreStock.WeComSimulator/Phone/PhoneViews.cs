using System.Text.Json.Nodes;
using StoreStock.WeCom;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Phone;

/// <summary>
/// A member with a phone: their StoreStock username (from WeCom:Users), message count, open cards, messages dropped
/// over the rate limit, and a version that changes whenever anything on the phone does.
/// </summary>
public sealed record UserView(string UserId, string Username, int Messages, int OpenCards, int Dropped, long Version, DateTimeOffset? LastReceivedAt)
{
    public static UserView Of(State.Phone phone, WeComOptions app) => new(
        phone.UserId,
        app.Username(phone.UserId),
        phone.Messages.Count,
        phone.Messages.Count(m => m.Card is { Updated: false }),
        phone.Dropped,
        phone.Version,
        phone.Messages.Count == 0 ? null : phone.Messages[^1].ReceivedAt);

    public static UserView Empty(string userId, WeComOptions app) => new(userId, app.Username(userId), 0, 0, 0, 0, null);
}

/// <summary>
/// One message on a phone. Content is the message's type object exactly as sent (WeCom's snake_case); a template card
/// also has its <see cref="CardView"/>: the member's copy as it stands now.
/// </summary>
public sealed record MessageView(string MsgId, string Type, DateTimeOffset ReceivedAt, JsonObject Content, CardView? Card)
{
    public static MessageView Of(PhoneMessage message) =>
        new(message.MsgId, message.Type, message.ReceivedAt, message.Content.DeepClone().AsObject(), message.Card is null ? null : CardView.Of(message.Card));
}

/// <summary>
/// State "open" until an update reached this copy, then "replaced". ReplaceText is the greyed-out buttons' text
/// (e.g. "已同意"); while it is set nothing on the card can be clicked. Current is the card as drawn now.
/// </summary>
public sealed record CardView(string TaskId, string CardType, string State, string? ReplaceText, DateTimeOffset? UpdatedAt, JsonObject Current)
{
    public static CardView Of(CardCopy copy) =>
        new(copy.TaskId, copy.CardType, copy.Updated ? "replaced" : "open", copy.ReplaceText, copy.UpdatedAt, copy.Current.DeepClone().AsObject());
}

public sealed record CallbackView(
    long Id, DateTimeOffset At, string UserId, string TaskId, string Key, string ResponseCode, string EventXml, Uri Url, string Envelope,
    IReadOnlyList<CallbackAttempt> Attempts)
{
    public static CallbackView Of(PostedCallback c) =>
        new(c.Id, c.At, c.UserId, c.TaskId, c.Key, c.ResponseCode, c.EventXml, c.Url, c.Envelope, [.. c.Attempts]);
}
