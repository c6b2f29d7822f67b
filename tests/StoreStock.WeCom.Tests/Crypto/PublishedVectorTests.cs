using System.Text;
using static StoreStock.WeCom.Tests.Crypto.PublishedVectors;

namespace StoreStock.WeCom.Tests.Crypto;

/// <summary>WeCom's own published values: signature, URL verification, decryption (a 22-byte pad), and encryption.</summary>
public sealed class PublishedVectorTests
{
    [Fact]
    public void The_signatures_of_the_published_vectors_are_reproduced()
    {
        Assert.Equal(UrlSignature, WeComSignature.Compute(Token, UrlTimestamp, UrlNonce, UrlEcho));
        Assert.Equal(MessageSignature, WeComSignature.Compute(Token, MessageTimestamp, MessageNonce, MessageEncrypted));
        Assert.Equal(JsonSignature, WeComSignature.Compute(Token, JsonTimestamp, JsonNonce, JsonEncrypted));
    }

    [Fact]
    public void Url_verification_returns_the_echo_plaintext()
    {
        Assert.Equal(UrlPlaintext, Crypt().VerifyUrl(UrlSignature, UrlTimestamp, UrlNonce, UrlEcho));
    }

    [Fact]
    public void The_published_message_with_a_22_byte_pad_decrypts_to_its_multi_byte_xml()
    {
        var envelope = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{MessageEncrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";

        var plaintext = Crypt().DecryptMessage(MessageSignature, MessageTimestamp, MessageNonce, envelope);

        Assert.Equal(MessagePlaintext, plaintext);
        Assert.Equal(228, Encoding.UTF8.GetByteCount(plaintext));
    }

    [Fact]
    public void Encrypting_the_published_message_with_its_prefix_gives_the_published_cipher_text()
    {
        Assert.Equal(MessageEncrypted, Crypt().Encrypt(MessagePlaintext, Encoding.ASCII.GetBytes(MessagePrefix)));
    }

    [Fact]
    public void The_json_variant_decrypts_under_the_same_key()
    {
        var plaintext = Crypt().Decrypt(JsonEncrypted);

        Assert.Equal(176, Encoding.UTF8.GetByteCount(plaintext));
        Assert.Equal(JsonSignature, WeComSignature.Compute(Token, JsonTimestamp, JsonNonce, JsonEncrypted));
    }

    [Fact]
    public void A_signature_off_by_one_character_is_refused()
    {
        var forged = "1" + UrlSignature[1..];

        var refused = Assert.Throws<WeComCryptoException>(() => Crypt().VerifyUrl(forged, UrlTimestamp, UrlNonce, UrlEcho));
        Assert.Equal(WeComCryptoError.SignatureMismatch, refused.Error);
    }

    [Fact]
    public void A_message_for_another_corp_is_refused()
    {
        var other = new WeComMessageCrypt(Token, EncodingAesKey, "wwanothercorp00000");

        var refused = Assert.Throws<WeComCryptoException>(() => other.VerifyUrl(UrlSignature, UrlTimestamp, UrlNonce, UrlEcho));
        Assert.Equal(WeComCryptoError.ReceiveIdMismatch, refused.Error);
    }
}
