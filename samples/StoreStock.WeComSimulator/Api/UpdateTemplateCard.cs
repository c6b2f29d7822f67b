using System.Text.Json.Nodes;
using StoreStock.WeComSimulator.State;
using static StoreStock.WeComSimulator.Api.Json;

namespace StoreStock.WeComSimulator.Api;

/// <summary>
/// POST /cgi-bin/message/update_template_card (wecom.md §3): consumes a single-use response code (unknown, used or
/// expired → 60140) and greys the card's buttons with button.replace_name, or puts a replacement template_card in
/// place, on the copies of the members named in userids, or of every recipient with atall=1.
/// </summary>
internal static class UpdateTemplateCard
{
    public static JsonObject Update(SimulatorState s, string token, string body)
    {
        var update = AppCall.Authorize(s, token, body, out var error);
        if (update is null)
        {
            return AppCall.Refuse(s, error!);
        }

        var code = Str(update["response_code"]);
        var taskId = code is null ? null : s.ResponseCodes.Peek(code, s.Now);
        var replaceName = Str(update["button"]?["replace_name"]);
        var card = update["template_card"] as JsonObject;
        var atAll = Int(update["atall"]) == 1;
        var userIds = (update["userids"] as JsonArray)?.Select(Str).OfType<string>().ToList();
        error = (code, taskId) switch
        {
            (null or "", _) => new SimError(SimErrors.InvalidParameter, "response_code missing"),
            (_, null) => new SimError(SimErrors.InvalidResponseCode, "unknown, already used or expired"),
            _ when card is null && update["button"] is null => new SimError(SimErrors.InvalidParameter, "button or template_card required"),
            _ when card is null && IsBlank(replaceName) => new SimError(SimErrors.MissingButtonName, "button.replace_name missing"),
            _ when card is null && !CardRules.IsInteractive(s.Cards[taskId!]) =>
                new SimError(SimErrors.InvalidParameter, "button.replace_name only updates button, vote and multiple cards"),
            _ when !atAll && (userIds is null || userIds.Count == 0) => new SimError(SimErrors.InvalidParameter, "userids or atall required"),
            _ => card is null ? null : CheckReplacement(card, taskId),
        };
        if (error is not null)
        {
            return AppCall.Refuse(s, error);
        }

        s.ResponseCodes.Consume(code!);
        var targets = atAll ? null : new HashSet<string>(userIds!, StringComparer.OrdinalIgnoreCase);
        var updated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phone, copy) in s.Phones.Copies(taskId!, targets).ToList())
        {
            if (card is null)
            {
                copy.ReplaceButtons(replaceName!, s.Now);
            }
            else
            {
                copy.ReplaceCard(card.DeepClone().AsObject(), s.Now);
            }

            phone.Changed();
            updated.Add(phone.UserId);
        }

        s.Stats.UpdatesApplied++;
        var notReached = (userIds ?? []).Where(u => !updated.Contains(u)).Select(u => (JsonNode?)u.ToLowerInvariant());
        return WeComReply.Ok(new JsonObject { ["invaliduser"] = new JsonArray([.. notReached]) });
    }

    /// <summary>A replacement card keeps the task: task_id absent (filled in) or the same.</summary>
    private static SimError? CheckReplacement(JsonObject card, string taskId)
    {
        var given = Str(card["task_id"]);
        if (given is not null && !string.Equals(given, taskId, StringComparison.Ordinal))
        {
            return new SimError(SimErrors.TaskIdNotFound, "the replacement card names another task_id");
        }

        card["task_id"] = taskId;
        return CardRules.Check(card);
    }
}
