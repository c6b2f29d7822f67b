using System.Text.Json.Nodes;
using StoreStock.WeComSimulator.State;
using static StoreStock.WeComSimulator.Api.Json;

namespace StoreStock.WeComSimulator.Api;

/// <summary>The checks message/send makes on the message itself (wecom.md §2.3): required fields and byte limits.</summary>
internal static class MessageRules
{
    public const int TextMaxBytes = 2048;
    public const int TextCardTitleMaxBytes = 128;
    public const int TextCardDescriptionMaxBytes = 512;
    public const int UrlMaxBytes = 2048;

    public static SimError? Check(string? msgType, JsonObject body) => msgType switch
    {
        null or "" => new SimError(SimErrors.InvalidMsgType, "msgtype missing"),
        "text" or "markdown" => CheckText(body[msgType] as JsonObject),
        "textcard" => CheckTextCard(body["textcard"] as JsonObject),
        "template_card" => body["template_card"] is JsonObject card
            ? CardRules.Check(card)
            : new SimError(SimErrors.InvalidParameter, "template_card missing"),
        _ => new SimError(SimErrors.InvalidMsgType, $"msgtype {msgType} is not simulated"),
    };

    private static SimError? CheckText(JsonObject? text)
    {
        var content = Str(text?["content"]);
        if (IsBlank(content))
        {
            return new SimError(SimErrors.EmptyContent, "content empty");
        }

        return Bytes(content) > TextMaxBytes ? new SimError(SimErrors.MessageTooLarge, $"content over {TextMaxBytes} bytes") : null;
    }

    private static SimError? CheckTextCard(JsonObject? card)
    {
        var title = Str(card?["title"]);
        var description = Str(card?["description"]);
        var url = Str(card?["url"]);
        return (title, description, url) switch
        {
            _ when IsBlank(title) => new SimError(SimErrors.MissingTitle),
            _ when Bytes(title) > TextCardTitleMaxBytes => new SimError(SimErrors.MessageTooLarge, $"title over {TextCardTitleMaxBytes} bytes"),
            _ when IsBlank(description) => new SimError(SimErrors.MissingDescription),
            _ when Bytes(description) > TextCardDescriptionMaxBytes => new SimError(SimErrors.MessageTooLarge, $"description over {TextCardDescriptionMaxBytes} bytes"),
            _ when IsBlank(url) => new SimError(SimErrors.MissingUrl),
            _ when Bytes(url) > UrlMaxBytes => new SimError(SimErrors.MessageTooLarge, $"url over {UrlMaxBytes} bytes"),
            _ when !IsHttp(url) => new SimError(SimErrors.InvalidParameter, "url must start with http:// or https://"),
            _ when (Str(card?["btntxt"])?.Length ?? 0) > 4 => new SimError(SimErrors.InvalidParameter, "btntxt over 4 characters"),
            _ => null,
        };
    }

    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
