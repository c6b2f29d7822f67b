namespace StoreStock.WeCom.Client;

/// <summary>Every errcode StoreStock meets, mapped to its meaning and what the caller should do (wecom.md §9).</summary>
public static class WeComErrors
{
    public const int Busy = -1;
    public const int InvalidToken = 40014;
    public const int TokenExpired = 42001;
    public const int TaskIdUsed = 42014;
    public const int FrequencyLimit = 45009;
    public const int NoValidRecipient = 81013;

    private static readonly Dictionary<int, (WeComErrorKind Kind, string Meaning)> Known = new()
    {
        [Busy] = (WeComErrorKind.Busy, "system busy"),
        [40001] = (WeComErrorKind.Configuration, "invalid secret"),
        [40003] = (WeComErrorKind.Recipient, "invalid userid"),
        [40008] = (WeComErrorKind.InvalidRequest, "invalid msgtype"),
        [40013] = (WeComErrorKind.Configuration, "invalid corp id"),
        [InvalidToken] = (WeComErrorKind.TokenRejected, "invalid access_token"),
        [40056] = (WeComErrorKind.Configuration, "invalid agent id"),
        [40058] = (WeComErrorKind.InvalidRequest, "invalid parameter"),
        [40091] = (WeComErrorKind.Configuration, "secret belongs to another corp"),
        [41001] = (WeComErrorKind.InvalidRequest, "access_token missing"),
        [41002] = (WeComErrorKind.Configuration, "corp id missing"),
        [41004] = (WeComErrorKind.Configuration, "secret missing"),
        [41010] = (WeComErrorKind.InvalidRequest, "url missing"),
        [41011] = (WeComErrorKind.Configuration, "agent id missing"),
        [41016] = (WeComErrorKind.InvalidRequest, "title missing"),
        [41033] = (WeComErrorKind.InvalidRequest, "description missing"),
        [TokenExpired] = (WeComErrorKind.TokenRejected, "access_token expired"),
        [TaskIdUsed] = (WeComErrorKind.InvalidRequest, "task_id invalid, empty, too long or already used"),
        [42015] = (WeComErrorKind.Configuration, "the card was sent by another app"),
        [42016] = (WeComErrorKind.InvalidRequest, "task_id not found"),
        [42017] = (WeComErrorKind.InvalidRequest, "button key not found"),
        [42018] = (WeComErrorKind.InvalidRequest, "button key invalid"),
        [42019] = (WeComErrorKind.InvalidRequest, "button key missing"),
        [42020] = (WeComErrorKind.InvalidRequest, "button name missing"),
        [43012] = (WeComErrorKind.Configuration, "the app needs a callback URL for interactive cards"),
        [44004] = (WeComErrorKind.InvalidRequest, "text content empty"),
        [45002] = (WeComErrorKind.InvalidRequest, "message too large"),
        [FrequencyLimit] = (WeComErrorKind.RateLimited, "API frequency limit"),
        [45033] = (WeComErrorKind.RateLimited, "concurrency limit"),
        [48002] = (WeComErrorKind.Configuration, "API not permitted for this secret"),
        [60011] = (WeComErrorKind.Recipient, "outside the app's visible range"),
        [60020] = (WeComErrorKind.Configuration, "caller IP not in the app's trusted IPs"),
        [60111] = (WeComErrorKind.Recipient, "userid does not exist"),
        [60140] = (WeComErrorKind.InvalidRequest, "response_code invalid, already used or expired"),
        [NoValidRecipient] = (WeComErrorKind.Recipient, "every recipient invalid or not permitted"),
        [82001] = (WeComErrorKind.Recipient, "every recipient invalid"),
        [301002] = (WeComErrorKind.Configuration, "token has no permission for this agent id"),
    };

    public static WeComApiException ToException(int errorCode, string errorMessage) =>
        Known.TryGetValue(errorCode, out var known)
            ? new WeComApiException(errorCode, errorMessage, known.Kind, known.Meaning)
            : new WeComApiException(errorCode, errorMessage, WeComErrorKind.InvalidRequest, "unlisted error");
}
