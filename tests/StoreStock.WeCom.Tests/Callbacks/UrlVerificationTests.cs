using System.Globalization;
using System.Net;
using StoreStock.WeComSimulator.Phone;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>GET /wecom/callback: WeCom's check of the URL (wecom.md §4.1) with the host's configured Token, EncodingAESKey and CorpId.</summary>
public sealed class UrlVerificationTests(CallbackApp app) : IClassFixture<CallbackApp>
{
    private readonly CallbackSender _wecom = new(app);

    [Fact]
    public async Task The_decrypted_echostr_comes_back_exactly()
    {
        const string plain = "1288432023552776189";
        var (status, contentType, bytes) = await VerifyAsync(_wecom.Crypt().Encrypt(plain));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(plain), bytes);
        Assert.Equal(0, await app.EventCountAsync());
    }

    [Fact]
    public async Task An_echostr_with_plus_slash_and_equals_is_decoded_once()
    {
        // Find an encryption whose base64 has '+' (a second decoding would turn it into a space and break the signature).
        var crypt = _wecom.Crypt();
        string echo;
        do
        {
            echo = crypt.Encrypt("echo-Ünïcode-回显");
        }
        while (!echo.Contains('+', StringComparison.Ordinal));

        var (status, _, bytes) = await VerifyAsync(echo);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("echo-Ünïcode-回显", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task A_wrong_signature_is_refused()
    {
        var echo = _wecom.Crypt().Encrypt("echo-that-must-not-leak");
        var forged = WeComSignature.Compute("SomeoneElsesToken", "1700000000", "1", echo);

        var (status, _, bytes) = await VerifyAsync(echo, signature: forged);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("echo-that-must-not-leak", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_echostr_sealed_for_another_corp_is_refused()
    {
        var echo = _wecom.Crypt(receiveId: "ww0000000000000000").Encrypt("42");

        var (status, _, _) = await VerifyAsync(echo);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Missing_parameters_are_refused()
    {
        using var response = await (await app.ClientAsync(null)).GetAsync(new Uri(CallbackSender.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> VerifyAsync(string echo, string? signature = null)
    {
        var timestamp = _wecom.Now.ToString(CultureInfo.InvariantCulture);
        var nonce = TemplateCardEvent.NewNonce();
        signature ??= WeComSignature.Compute(_wecom.Options.Token, timestamp, nonce, echo);
        var url = $"{CallbackSender.Path}?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echo)}";
        using var response = await (await app.ClientAsync(null)).GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }
}
