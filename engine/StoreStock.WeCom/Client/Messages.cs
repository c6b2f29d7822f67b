using System.Text.Json.Serialization;

namespace StoreStock.WeCom.Client;

// The JSON bodies of message/send and update_template_card (wecom.md §2–3). Property names are WeCom's, written in
// snake_case by WeComJson; the few WeCom writes as one word (touser, msgtype, agentid, textcard) are named explicitly.
// A null property is left out.

/// <summary>One app message to one or more users (userids joined with '|').</summary>
public sealed record AppMessage
{
    [JsonPropertyName("touser")]
    public required string ToUser { get; init; }

    [JsonPropertyName("msgtype")]
    public required string MsgType { get; init; }

    [JsonPropertyName("agentid")]
    public int AgentId { get; init; }

    public TextContent? Text { get; init; }

    [JsonPropertyName("textcard")]
    public TextCardContent? TextCard { get; init; }

    public TextContent? Markdown { get; init; }

    public TemplateCard? TemplateCard { get; init; }

    /// <summary>1: WeCom drops a second identical request inside the interval (a retried send is not shown twice).</summary>
    public int EnableDuplicateCheck { get; init; }

    public int? DuplicateCheckInterval { get; init; }
}

public sealed record TextContent(string Content);

public sealed record TextCardContent(string Title, string Description, string Url, string? Btntxt = null);

/// <summary>A template card: button_interaction for one-tap decisions, text_notice with a link for cards that need a form.</summary>
public sealed record TemplateCard
{
    public required string CardType { get; init; }

    public CardSource? Source { get; init; }

    public CardTitle? MainTitle { get; init; }

    public string? SubTitleText { get; init; }

    public IReadOnlyList<HorizontalContent>? HorizontalContentList { get; init; }

    public CardAction? CardAction { get; init; }

    public IReadOnlyList<JumpLink>? JumpList { get; init; }

    public required string TaskId { get; init; }

    public IReadOnlyList<CardButton>? ButtonList { get; init; }

    /// <summary>Only in update bodies: greys the buttons out and shows this text.</summary>
    public string? ReplaceText { get; init; }
}

public sealed record CardSource(string? IconUrl = null, string? Desc = null, int? DescColor = null);

public sealed record CardTitle(string? Title = null, string? Desc = null);

public sealed record HorizontalContent(string Keyname, string? Value = null, int? Type = null, string? Url = null);

/// <summary>type 1 = open a URL.</summary>
public sealed record CardAction(int Type, string? Url = null);

public sealed record JumpLink(int Type, string Title, string? Url = null);

/// <summary>type 0 (callback) sends the key back as EventKey; style 1–4.</summary>
public sealed record CardButton(string Text, string Key, int? Style = null, int? Type = null, string? Url = null);

/// <summary>The send response's useful fields.</summary>
public sealed record SendResult(string? MsgId, string? ResponseCode, string? InvalidUser);

/// <summary>update_template_card: either grey the button with a text, or replace the whole card.</summary>
public sealed record TemplateCardUpdate
{
    public IReadOnlyList<string>? Userids { get; init; }

    /// <summary>1 = update the card for every recipient of the task.</summary>
    public int? Atall { get; init; }

    [JsonPropertyName("agentid")]
    public int AgentId { get; init; }

    public required string ResponseCode { get; init; }

    public ReplaceButton? Button { get; init; }

    public TemplateCard? TemplateCard { get; init; }
}

public sealed record ReplaceButton(string ReplaceName);

/// <summary>The serializer settings for WeCom's JSON: snake_case names, nulls omitted.</summary>
public static class WeComJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
