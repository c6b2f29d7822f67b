namespace StoreStock.WeCom.Callbacks;

/// <summary>What one click did, as recorded on its event row: the result, the card's new text and whether the card took it.</summary>
public sealed record ClickResult(string Result, string CardText, bool? CardUpdated, string? Error);

/// <summary>The results a click can have.</summary>
public static class ClickResults
{
    public const string Completed = "completed";
    public const string AlreadyDone = "already_done";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
    public const string Reassigned = "reassigned";
    public const string NotAssignee = "not_assignee";
    public const string UnknownTask = "unknown_task";
    public const string UnknownUser = "unknown_user";
    public const string Refused = "refused";
}
