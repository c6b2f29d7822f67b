using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StoreStock.WeComSimulator.State;
using static StoreStock.WeComSimulator.Api.Json;

namespace StoreStock.WeComSimulator.Api;

/// <summary>The checks on a template_card (wecom.md §2.4), for a send and for a replacement card in an update.</summary>
internal static partial class CardRules
{
    public const int MaxButtons = 6;
    public const int MaxHorizontalContents = 6;
    public const int MaxJumps = 3;
    public const int KeyMaxBytes = 1024;

    public static readonly IReadOnlySet<string> CardTypes = new HashSet<string>(
        ["text_notice", "news_notice", "button_interaction", "vote_interaction", "multiple_interaction"], StringComparer.Ordinal);

    /// <summary>The card types a member answers on the card itself: a send gets a response code, button.replace_name greys them.</summary>
    public static bool IsInteractive(string? cardType) => cardType is "button_interaction" or "vote_interaction" or "multiple_interaction";

    /// <summary>Cards that call back and may be updated (text/news notices only when they carry an action menu).</summary>
    public static bool IsUpdatable(JsonObject card) => IsInteractive(Str(card["card_type"])) || card["action_menu"] is JsonObject;

    private static bool IsValidTaskId(string? taskId) => taskId is not null && TaskIdPattern().IsMatch(taskId);

    public static SimError? Check(JsonObject card)
    {
        var cardType = Str(card["card_type"]);
        if (cardType is null || !CardTypes.Contains(cardType))
        {
            return new SimError(SimErrors.InvalidParameter, "card_type");
        }

        var taskId = Str(card["task_id"]);
        if ((IsUpdatable(card) || taskId is not null) && !IsValidTaskId(taskId))
        {
            return new SimError(SimErrors.InvalidTaskId, "task_id empty, too long or not [0-9A-Za-z_-@]");
        }

        return CheckLists(card) ?? cardType switch
        {
            "button_interaction" => CheckButtons(card["button_list"]),
            "text_notice" => CheckNotice(card, Str(card["main_title"]?["title"]) ?? Str(card["sub_title_text"]), "main_title.title or sub_title_text"),
            "news_notice" => CheckNotice(card, card["card_image"] is JsonObject || card["image_text_area"] is JsonObject ? "image" : null, "card_image or image_text_area"),
            "vote_interaction" => RequireSubmit(card, "checkbox"),
            "multiple_interaction" => RequireSubmit(card, "select_list"),
            _ => null,
        };
    }

    private static SimError? CheckLists(JsonObject card) =>
        Count(card["horizontal_content_list"]) > MaxHorizontalContents ? new SimError(SimErrors.InvalidParameter, $"horizontal_content_list over {MaxHorizontalContents}")
        : Count(card["jump_list"]) > MaxJumps ? new SimError(SimErrors.InvalidParameter, $"jump_list over {MaxJumps}")
        : card["action_menu"] is JsonObject menu && Count(menu["action_list"]) is < 1 or > 3 ? new SimError(SimErrors.InvalidParameter, "action_menu.action_list needs 1 to 3 entries")
        : null;

    private static SimError? CheckButtons(JsonNode? list)
    {
        var buttons = Objects(list).ToList();
        if (buttons.Count is < 1 or > MaxButtons)
        {
            return new SimError(SimErrors.InvalidParameter, $"button_list needs 1 to {MaxButtons} buttons");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in buttons)
        {
            var key = Str(button["key"]);
            var error = (Int(button["type"]) ?? 0, key) switch
            {
                _ when IsBlank(Str(button["text"])) => new SimError(SimErrors.MissingButtonName, "button text missing"),
                (1, _) => MessageRules.IsHttp(Str(button["url"])) ? null : new SimError(SimErrors.MissingUrl, "button url missing"),
                (_, null or "") => new SimError(SimErrors.MissingButtonKey),
                _ when Bytes(key) > KeyMaxBytes => new SimError(SimErrors.InvalidButtonKey, $"key over {KeyMaxBytes} bytes"),
                _ when !keys.Add(key!) => new SimError(SimErrors.InvalidButtonKey, "keys must be unique"),
                _ => null,
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static SimError? CheckNotice(JsonObject card, string? required, string requiredName)
    {
        if (IsBlank(required))
        {
            return new SimError(SimErrors.InvalidParameter, $"{requiredName} missing");
        }

        var action = card["card_action"] as JsonObject;
        return (Int(action?["type"]), Str(action?["url"]), Str(action?["appid"])) switch
        {
            (1, var url, _) when MessageRules.IsHttp(url) => null,
            (2, _, var appId) when !IsBlank(appId) => null,
            _ => new SimError(SimErrors.InvalidParameter, "card_action needs type 1 with a url or type 2 with an appid"),
        };
    }

    private static SimError? RequireSubmit(JsonObject card, string selector) =>
        card[selector] is null ? new SimError(SimErrors.InvalidParameter, $"{selector} missing")
        : IsBlank(Str(card["submit_button"]?["key"])) ? new SimError(SimErrors.MissingButtonKey, "submit_button.key missing")
        : null;

    private static int Count(JsonNode? node) => node is JsonArray array ? array.Count : 0;

    [GeneratedRegex("^[0-9A-Za-z_@-]{1,128}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TaskIdPattern();
}
