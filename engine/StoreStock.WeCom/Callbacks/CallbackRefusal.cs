using Microsoft.AspNetCore.Http;
using StoreStock.WeCom.Crypto;

namespace StoreStock.WeCom.Callbacks;

/// <summary>Why a callback was turned away, with WeCom's sample-library code when there is one (for the log and the problem).</summary>
public sealed record CallbackRefusal(int StatusCode, string Reason, WeComCryptoError? Code)
{
    public static CallbackRefusal From(WeComCryptoException e) => new(e.Error switch
    {
        WeComCryptoError.SignatureMismatch or WeComCryptoError.ReceiveIdMismatch => StatusCodes.Status403Forbidden,
        WeComCryptoError.IllegalAesKey => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    }, Describe(e.Error, e.Message), e.Error);

    public static CallbackRefusal WrongCorp() =>
        new(StatusCodes.Status403Forbidden, "回调不属于本企业 (the callback is for another corp)", WeComCryptoError.ReceiveIdMismatch);

    public static CallbackRefusal Stale(string what) =>
        new(StatusCodes.Status403Forbidden, $"回调时间戳已过期或不可信：{what} (the timestamp is not within 5 minutes of now)", null);

    public static CallbackRefusal TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"回调内容超过 {limit} 字节 (the body is too large)", null);

    public static CallbackRefusal NotUtf8() =>
        new(StatusCodes.Status400BadRequest, "回调内容不是 UTF-8 (the body is not UTF-8)", WeComCryptoError.MalformedXml);

    public IResult ToProblem() => TypedResults.Problem(
        title: "企业微信回调被拒绝 (WeCom callback refused)",
        detail: Reason,
        statusCode: StatusCode,
        extensions: Code is { } code ? new Dictionary<string, object?> { ["code"] = (int)code } : null);

    private static string Describe(WeComCryptoError error, string message) => error switch
    {
        WeComCryptoError.SignatureMismatch => $"签名校验失败 ({message})",
        WeComCryptoError.ReceiveIdMismatch => $"回调不属于本企业 ({message})",
        WeComCryptoError.MalformedXml => $"XML 格式错误 ({message})",
        WeComCryptoError.IllegalAesKey => $"EncodingAESKey 配置错误 ({message})",
        _ => $"回调内容无法解密 ({message})",
    };
}
