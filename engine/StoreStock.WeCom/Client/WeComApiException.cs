namespace StoreStock.WeCom.Client;

/// <summary>A WeCom API call that answered with a non-zero errcode, classified so callers know whether to retry.</summary>
public sealed class WeComApiException(int errorCode, string errorMessage, WeComErrorKind kind, string meaning)
    : Exception($"WeCom {errorCode} ({meaning}): {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;

    public WeComErrorKind Kind { get; } = kind;

    public bool IsTransient => Kind is WeComErrorKind.Busy or WeComErrorKind.RateLimited or WeComErrorKind.Unreachable;
}

/// <summary>WeCom could not be reached or answered with something other than its JSON (a 5xx, a timeout, a reset).</summary>
public sealed class WeComUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

public enum WeComErrorKind
{
    /// <summary>-1, system busy: retry later.</summary>
    Busy,

    /// <summary>45009 / 45033: frequency or concurrency limit; back off for the window.</summary>
    RateLimited,

    /// <summary>The server could not be reached.</summary>
    Unreachable,

    /// <summary>40014 / 42001 after the one refetch and retry.</summary>
    TokenRejected,

    /// <summary>Wrong corp id, secret, agent id, IP allow-list, missing callback URL: fix the configuration.</summary>
    Configuration,

    /// <summary>Every recipient invalid or outside the app's range.</summary>
    Recipient,

    /// <summary>The request itself is wrong (too large, bad task id, missing field): retrying will not help.</summary>
    InvalidRequest,
}
