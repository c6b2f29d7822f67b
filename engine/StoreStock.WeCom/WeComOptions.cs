namespace StoreStock.WeCom;

/// <summary>
/// Configuration section <c>WeCom</c>. With no <see cref="BaseUrl"/> the host serves the embedded simulator and talks
/// to it; pointing <see cref="BaseUrl"/> at https://qyapi.weixin.qq.com with the corp's own values is all it takes
/// to use the real WeCom.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "WeCom";

    public string CorpId { get; set; } = "";

    public int AgentId { get; set; }

    public string Secret { get; set; } = "";

    /// <summary>Callback token (≤ 32 alphanumerics), used only in signatures.</summary>
    public string Token { get; set; } = "";

    /// <summary>Callback key: 43 characters of [A-Za-z0-9].</summary>
    public string EncodingAESKey { get; set; } = "";

    /// <summary>API root; empty means the embedded simulator.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>StoreStock username → WeCom userid. A username not listed is sent as its own userid.</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    public string WeComUserId(string username) => Users.TryGetValue(username, out var id) ? id : username;

    /// <summary>The StoreStock username a WeCom userid maps to (the inverse of <see cref="Users"/>).</summary>
    public string Username(string weComUserId) =>
        Users.FirstOrDefault(u => string.Equals(u.Value, weComUserId, StringComparison.Ordinal)).Key ?? weComUserId;
}
