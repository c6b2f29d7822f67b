using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>Plays WeCom's part: seals events with the host's own Token, EncodingAESKey and CorpId and posts them to /wecom/callback.</summary>
public sealed class CallbackSender(CallbackApp app)
{
    public const string Path = "/wecom/callback";

    public WeComOptions Options { get; } = app.Services.GetRequiredService<IOptions<WeComOptions>>().Value;

    public WeComMessageCrypt Crypt(string? receiveId = null, string? token = null) =>
        new(token ?? Options.Token, Options.EncodingAESKey, receiveId ?? Options.CorpId);

    public long Now => app.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A click on a card's button, as WeCom's template_card_event (wecom.md §4.3).</summary>
    public string ClickXml(string fromUser, string cardTaskId, string key, long? createTime = null, string? responseCode = null, string? toUser = null) =>
        new XElement("xml",
            new XElement("ToUserName", new XCData(toUser ?? Options.CorpId)),
            new XElement("FromUserName", new XCData(fromUser)),
            new XElement("CreateTime", createTime ?? Now),
            new XElement("MsgType", new XCData("event")),
            new XElement("Event", new XCData("template_card_event")),
            new XElement("EventKey", new XCData(key)),
            new XElement("TaskId", new XCData(cardTaskId)),
            new XElement("CardType", new XCData("button_interaction")),
            new XElement("ResponseCode", new XCData(responseCode ?? NewResponseCode())),
            new XElement("AgentID", Options.AgentId)).ToString(SaveOptions.DisableFormatting);

    public static string NewResponseCode() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 40);

    public static string NewNonce() => RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);

    /// <summary>A signed, encrypted POST exactly as WeCom sends it.</summary>
    public Delivery Seal(string xml, long? timestamp = null, WeComMessageCrypt? crypt = null)
    {
        var ts = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var nonce = NewNonce();
        var sealedMessage = (crypt ?? Crypt()).Seal(xml, ts, nonce, Options.AgentId.ToString(CultureInfo.InvariantCulture));
        return new Delivery(sealedMessage.Envelope, sealedMessage.Signature, ts, nonce);
    }

    public async Task<HttpStatusCode> PostAsync(Delivery delivery)
    {
        var client = await app.ClientAsync(null);
        using var content = new StringContent(delivery.Body, Encoding.UTF8, "text/xml");
        using var response = await client.PostAsync(new Uri(delivery.Url, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode != HttpStatusCode.OK || body.Length == 0, $"an accepted callback is answered with an empty body, got: {body}");
        return response.StatusCode;
    }

    /// <summary>Seals and posts a click; returns the card task_id's status code.</summary>
    public Task<HttpStatusCode> ClickAsync(string fromUser, string cardTaskId, string key, string? responseCode = null) =>
        PostAsync(Seal(ClickXml(fromUser, cardTaskId, key, responseCode: responseCode)));

    /// <summary>The query and body of one POST; the signature covers the envelope's Encrypt text.</summary>
    public sealed record Delivery(string Body, string Signature, string Timestamp, string Nonce)
    {
        public string Url =>
            $"{Path}?msg_signature={Uri.EscapeDataString(Signature)}&timestamp={Uri.EscapeDataString(Timestamp)}&nonce={Uri.EscapeDataString(Nonce)}";
    }
}
