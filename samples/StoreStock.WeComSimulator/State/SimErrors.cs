using System.Globalization;
using StoreStock.WeCom.Client;

namespace StoreStock.WeComSimulator.State;

/// <summary>
/// The errcodes the simulator answers with (those the client itself names come from <see cref="WeComErrors"/>), and
/// errmsg texts in WeCom's style (clients must decide on errcode only).
/// </summary>
public static class SimErrors
{
    public const int Busy = WeComErrors.Busy;
    public const int InvalidSecret = 40001;
    public const int InvalidMsgType = 40008;
    public const int InvalidCorpId = 40013;
    public const int InvalidToken = WeComErrors.InvalidToken;
    public const int InvalidAgentId = 40056;
    public const int InvalidParameter = 40058;
    public const int MissingToken = 41001;
    public const int MissingCorpId = 41002;
    public const int MissingSecret = 41004;
    public const int MissingUrl = 41010;
    public const int MissingAgentId = 41011;
    public const int MissingTitle = 41016;
    public const int MissingDescription = 41033;
    public const int TokenExpired = WeComErrors.TokenExpired;
    public const int InvalidTaskId = WeComErrors.TaskIdUsed;
    public const int TaskIdNotFound = 42016;
    public const int InvalidButtonKey = 42018;
    public const int MissingButtonKey = 42019;
    public const int MissingButtonName = 42020;
    public const int EmptyContent = 44004;
    public const int MessageTooLarge = 45002;
    public const int FrequencyLimit = WeComErrors.FrequencyLimit;
    public const int InvalidResponseCode = 60140;
    public const int NoValidRecipient = WeComErrors.NoValidRecipient;

    private static readonly Dictionary<int, string> Messages = new()
    {
        [Busy] = "system busy",
        [InvalidSecret] = "invalid credential",
        [InvalidMsgType] = "invalid message type",
        [InvalidCorpId] = "invalid corpid",
        [InvalidToken] = "invalid access_token",
        [InvalidAgentId] = "invalid agentid",
        [InvalidParameter] = "invalid parameter",
        [MissingToken] = "access_token missing",
        [MissingCorpId] = "corpid missing",
        [MissingSecret] = "corpsecret missing",
        [MissingUrl] = "url missing",
        [MissingAgentId] = "agentid missing",
        [MissingTitle] = "title missing",
        [MissingDescription] = "description missing",
        [TokenExpired] = "access_token expired",
        [InvalidTaskId] = "taskid has existed or empty or exceed max len",
        [TaskIdNotFound] = "taskid not found",
        [InvalidButtonKey] = "invalid button key",
        [MissingButtonKey] = "button key missing",
        [MissingButtonName] = "button name missing",
        [EmptyContent] = "empty content",
        [MessageTooLarge] = "message too large",
        [FrequencyLimit] = "api freq out of limit",
        [InvalidResponseCode] = "invalid response_code",
        [NoValidRecipient] = "all touser invalid",
    };

    /// <summary>An errmsg as WeCom writes it: the meaning, a detail, and the hint link (text that may change, like WeCom's).</summary>
    public static string Message(int code, string? detail = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Messages.GetValueOrDefault(code, "error")}{(detail is null ? "" : ": " + detail)}, hint: [sim], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e={code}");
}

/// <summary>A refusal found while checking a request: the errcode and what was wrong.</summary>
public sealed record SimError(int Code, string? Detail = null);
