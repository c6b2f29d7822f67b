using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoreStock.WeCom.Client;

/// <summary>The fields of WeCom's answers the client reads (gettoken and message calls share errcode/errmsg).</summary>
internal sealed record ApiReply
{
    [JsonPropertyName("errcode")]
    public int ErrCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrMsg { get; init; }

    public string? AccessToken { get; init; }

    public int? ExpiresIn { get; init; }

    [JsonPropertyName("msgid")]
    public string? MsgId { get; init; }

    public string? ResponseCode { get; init; }

    /// <summary>'|'-joined in the send answer, an array in update_template_card's.</summary>
    [JsonPropertyName("invaliduser")]
    public JsonElement InvalidUserField { get; init; }

    /// <summary>The invalid userids '|'-joined, or null when there are none.</summary>
    public string? InvalidUsers() => InvalidUserField.ValueKind switch
    {
        JsonValueKind.String when InvalidUserField.GetString() is { Length: > 0 } joined => joined,
        JsonValueKind.Array when InvalidUserField.GetArrayLength() > 0 => string.Join('|', InvalidUserField.EnumerateArray().Select(u => u.ToString())),
        _ => null,
    };
}
