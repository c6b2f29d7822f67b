using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace StoreStock.WeCom.Crypto;

/// <summary>
/// WeCom's callback encryption (WXBizMsgCrypt): AES-256-CBC with the key from EncodingAESKey and the IV its first 16
/// bytes; plaintext = 16 random bytes | big-endian byte length | message | receive id, padded PKCS#7 to a 32-byte
/// block. .NET's own PKCS7 mode checks against AES's 16-byte block and rejects pads of 17–32, so padding is by hand.
/// </summary>
public sealed class WeComMessageCrypt
{
    private const int PadBlock = 32;
    private const int PrefixLength = 16;
    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly string _token;
    private readonly string _receiveId;
    private readonly byte[] _key;

    public WeComMessageCrypt(string token, string encodingAesKey, string receiveId)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalAesKey, "EncodingAESKey must be 43 characters");
        }

        try
        {
            _key = Convert.FromBase64String(encodingAesKey + "=");
        }
        catch (FormatException)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalAesKey, "EncodingAESKey is not base64");
        }

        _token = token;
        _receiveId = receiveId;
    }

    /// <summary>URL verification: checks the signature over echostr, decrypts it and returns the plaintext to echo.</summary>
    public string VerifyUrl(string? signature, string? timestamp, string? nonce, string? echo)
    {
        CheckSignature(signature, timestamp, nonce, echo);
        return Decrypt(echo!);
    }

    /// <summary>A POSTed callback: reads the envelope's Encrypt, checks the signature over it, returns the decrypted XML.</summary>
    public string DecryptMessage(string? signature, string? timestamp, string? nonce, string body)
    {
        var encrypted = WeComXml.Parse(body).Child("Encrypt")
            ?? throw new WeComCryptoException(WeComCryptoError.MalformedXml, "the envelope has no Encrypt element");
        CheckSignature(signature, timestamp, nonce, encrypted);
        return Decrypt(encrypted);
    }

    /// <summary>What WeCom posts for a message: the envelope to send as the body and the signature for the query string.</summary>
    public SealedMessage Seal(string xml, string timestamp, string nonce, string? agentId = null)
    {
        var encrypted = Encrypt(xml);
        var envelope = new XElement("xml",
            new XElement("ToUserName", new XCData(_receiveId)),
            new XElement("AgentID", new XCData(agentId ?? "")),
            new XElement("Encrypt", new XCData(encrypted)));
        return new SealedMessage(envelope.ToString(SaveOptions.DisableFormatting), encrypted, WeComSignature.Compute(_token, timestamp, nonce, encrypted));
    }

    public string Encrypt(string message)
    {
        Span<byte> prefix = stackalloc byte[PrefixLength];
        for (var i = 0; i < PrefixLength; i++)
        {
            prefix[i] = (byte)PrefixAlphabet[RandomNumberGenerator.GetInt32(PrefixAlphabet.Length)];
        }

        return Encrypt(message, prefix);
    }

    /// <summary>Encryption with a given 16-byte prefix, so the published vectors can be reproduced byte for byte.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length != PrefixLength)
        {
            throw new ArgumentException("the prefix is 16 bytes", nameof(prefix));
        }

        var messageBytes = Encoding.UTF8.GetBytes(message);
        var receiveIdBytes = Encoding.UTF8.GetBytes(_receiveId);
        var length = PrefixLength + 4 + messageBytes.Length + receiveIdBytes.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        prefix.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(PrefixLength), messageBytes.Length);
        messageBytes.CopyTo(plain, PrefixLength + 4);
        receiveIdBytes.CopyTo(plain, PrefixLength + 4 + messageBytes.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts and checks that the receive id is this corp's; returns the message.</summary>
    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeComCryptoException(WeComCryptoError.Base64Invalid, "Encrypt is not base64");
        }

        if (cipher.Length == 0 || cipher.Length % PadBlock != 0)
        {
            throw new WeComCryptoException(WeComCryptoError.DecryptFailed, "the cipher text is not a whole number of 32-byte blocks");
        }

        byte[] plain;
        using (var aes = CreateAes())
        {
            plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        }

        var pad = plain[^1];
        if (pad is < 1 or > PadBlock || plain.Length < PrefixLength + 4 + pad)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "the padding is not PKCS#7 over 32 bytes");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var messageLength = BinaryPrimitives.ReadInt32BigEndian(content[PrefixLength..]);
        if (messageLength < 0 || PrefixLength + 4 + messageLength > content.Length)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "the length field runs past the message");
        }

        var message = content.Slice(PrefixLength + 4, messageLength);
        var receiveId = content[(PrefixLength + 4 + messageLength)..];
        if (!receiveId.SequenceEqual(Encoding.UTF8.GetBytes(_receiveId)))
        {
            throw new WeComCryptoException(WeComCryptoError.ReceiveIdMismatch, "the message is for another corp");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(message);
        }
        catch (DecoderFallbackException)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "the message is not UTF-8");
        }
    }

    private void CheckSignature(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (timestamp is null || nonce is null || encrypted is null ||
            !WeComSignature.Matches(_token, timestamp, nonce, encrypted, signature))
        {
            throw new WeComCryptoException(WeComCryptoError.SignatureMismatch, "the signature does not match");
        }
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}

/// <summary>An encrypted callback: the XML envelope (the POST body), its Encrypt text and msg_signature.</summary>
public sealed record SealedMessage(string Envelope, string Encrypted, string Signature);
