using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Crypto;

namespace StoreStock.WeCom.Callbacks;

/// <summary>
/// The checks of <c>/wecom/callback</c> (wecom.md §4): the signature over the encrypted text, decryption for this
/// corp's receive id, DTD-free XML, the addressee, and for events a time within the window. Only what passes every
/// check is stored; nothing else has any effect.
/// </summary>
public sealed partial class CallbackReceiver(
    CallbackEventStore store,
    CallbackSignal signal,
    TimeProvider clock,
    IOptions<WeComOptions> options,
    IOptions<WeComCallbackOptions> callbackOptions,
    ILogger<CallbackReceiver> logger)
{
    /// <summary>URL verification: the plaintext to echo, or why not.</summary>
    public (string? Echo, CallbackRefusal? Refusal) VerifyUrl(string? signature, string? timestamp, string? nonce, string? echo)
    {
        try
        {
            return (Crypt().VerifyUrl(signature, timestamp, nonce, echo), null);
        }
        catch (WeComCryptoException e)
        {
            return (null, Refused(CallbackRefusal.From(e)));
        }
    }

    /// <summary>An event: stored (once per dedup key) and handed to the processor, or refused.</summary>
    public async Task<CallbackRefusal?> AcceptAsync(string? signature, string? timestamp, string? nonce, string body, CancellationToken ct)
    {
        CallbackEvent callback;
        try
        {
            callback = CallbackEvent.Parse(Crypt().DecryptMessage(signature, timestamp, nonce, body));
        }
        catch (WeComCryptoException e)
        {
            return Refused(CallbackRefusal.From(e));
        }

        var corpId = options.Value.CorpId;
        if (!string.Equals(callback.ToUserName, corpId, StringComparison.Ordinal))
        {
            return Refused(CallbackRefusal.WrongCorp());
        }

        var now = clock.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var queryTime) || !IsRecent(queryTime, now))
        {
            return Refused(CallbackRefusal.Stale($"timestamp={timestamp}"));
        }

        if (!IsRecent(callback.CreateTime, now))
        {
            return Refused(CallbackRefusal.Stale($"CreateTime={callback.CreateTime}"));
        }

        if (await store.AddAsync(callback, now, ct) && callback.IsCardClick)
        {
            signal.Wake();
        }

        return null;
    }

    private bool IsRecent(long unixSeconds, DateTimeOffset now) =>
        Math.Abs(unixSeconds - now.ToUnixTimeSeconds()) <= (long)callbackOptions.Value.TimestampWindow.TotalSeconds;

    private WeComMessageCrypt Crypt()
    {
        var o = options.Value;
        return new WeComMessageCrypt(o.Token, o.EncodingAESKey, o.CorpId);
    }

    private CallbackRefusal Refused(CallbackRefusal refusal)
    {
        LogRefused(logger, refusal.Code?.ToString() ?? "none", refusal.Code is { } code ? (int)code : 0, refusal.StatusCode, refusal.Reason);
        return refusal;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback refused: {Error} ({Code}), HTTP {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string error, int code, int status, string reason);
}
