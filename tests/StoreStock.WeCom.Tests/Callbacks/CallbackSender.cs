using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using StoreStock.WeComSimulator.Phone;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>Plays WeCom's part: seals events with the host's own Token, EncodingAESKey and CorpId and posts them to /wecom/callback.</summary>
public sealed class CallbackSender(CallbackApp app)
{
    public const string Path = "/wecom/callback";

    public WeComOptions Options => app.WeCom;

    public WeComMessageCrypt Crypt(string? receiveId = null) => new(Options.Token, Options.EncodingAESKey, receiveId ?? Options.CorpId);

    public long Now => app.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A click on a card's button, as WeCom's template_card_event (wecom.md §4.3).</summary>
    public string ClickXml(string fromUser, string cardTaskId, string key) =>
        TemplateCardEvent.Xml(Options.CorpId, fromUser, Now, key, cardTaskId, "button_interaction", NewResponseCode(), Options.AgentId);

    public static string NewResponseCode() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 40);

    /// <summary>A signed, encrypted POST exactly as WeCom sends it.</summary>
    public Delivery Seal(string xml, long? timestamp = null, WeComMessageCrypt? crypt = null)
    {
        var ts = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var nonce = TemplateCardEvent.NewNonce();
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

    /// <summary>The query and body of one POST; the signature covers the envelope's Encrypt text.</summary>
    public sealed record Delivery(string Body, string Signature, string Timestamp, string Nonce)
    {
        public string Url =>
            $"{Path}?msg_signature={Uri.EscapeDataString(Signature)}&timestamp={Uri.EscapeDataString(Timestamp)}&nonce={Uri.EscapeDataString(Nonce)}";
    }
}
