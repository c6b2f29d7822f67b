namespace StoreStock.WeCom.Crypto;

/// <summary>Why a callback was refused, with the error code of WeCom's sample library (WXBizMsgCrypt).</summary>
public sealed class WeComCryptoException(WeComCryptoError error, string message) : Exception(message)
{
    public WeComCryptoError Error { get; } = error;
}

/// <summary>The sample library's codes, so a log line can be matched against WeCom's documentation.</summary>
public enum WeComCryptoError
{
    SignatureMismatch = -40001,
    MalformedXml = -40002,
    IllegalAesKey = -40004,
    ReceiveIdMismatch = -40005,
    DecryptFailed = -40007,
    IllegalBuffer = -40008,
    Base64Invalid = -40010,
}
