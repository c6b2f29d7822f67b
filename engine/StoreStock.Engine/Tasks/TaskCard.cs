using System.Text.Json.Nodes;

namespace StoreStock.Engine.Tasks;

/// <summary>The human side of a UserTask or an approval level: what to do, for whom, by when, and what happened.</summary>
public sealed class TaskCard
{
    public Guid Id { get; init; }

    public Guid InstanceId { get; init; }

    public Guid BookmarkId { get; init; }

    public string ActivityId { get; init; } = "";

    public string Title { get; init; } = "";

    public string Body { get; init; } = "";

    public List<FormField> Form { get; init; } = [];

    public List<string> Outcomes { get; init; } = [];

    public string? AssigneeRole { get; set; }

    public List<string> Assignees { get; set; } = [];

    public int? StoreId { get; init; }

    public int? RegionId { get; init; }

    public string Status { get; set; } = TaskStatus.Open;

    public int EscalationLevel { get; set; }

    public List<TaskHistoryEntry> History { get; init; } = [];

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? Outcome { get; set; }

    public JsonObject? Payload { get; set; }
}

public static class TaskStatus
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
}

/// <summary>One line of a card's story: created, reminded, escalated, reassigned, completed, expired.</summary>
public sealed record TaskHistoryEntry(DateTimeOffset At, string Event, string Actor, string? Detail);

/// <summary>A field on a task card's form.</summary>
public sealed class FormField
{
    public string Name { get; set; } = "";

    /// <summary>number, text, choice, photo or productLines.</summary>
    public string Type { get; set; } = FormFieldType.Text;

    public string? Label { get; set; }

    public bool Required { get; set; }

    public List<string>? Options { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>
    /// For product lines: the variable that lists the lines this field may contain ([{ productId, quantity }]).
    /// A product not listed there is refused.
    /// </summary>
    public string? LinesFrom { get; set; }

    /// <summary>For product lines with <see cref="LinesFrom"/>: a quantity may go down from the listed one, never up.</summary>
    public bool UpToListed { get; set; }
}

public static class FormFieldType
{
    public const string Number = "number";
    public const string Text = "text";
    public const string Choice = "choice";
    public const string Photo = "photo";
    public const string ProductLines = "productLines";

    public static readonly string[] All = [Number, Text, Choice, Photo, ProductLines];
}

/// <summary>When to remind the assignee, escalate to the next level, and give up (the Timeout outcome). Durations are ISO 8601 or hh:mm:ss.</summary>
public sealed class DeadlinePolicy
{
    public string? RemindAfter { get; set; }

    public string? EscalateAfter { get; set; }

    public string? ExpireAfter { get; set; }

    /// <summary>The role the first escalation goes to (a receipt card of clerks straight to the regional supervisor); the next level up when empty.</summary>
    public string? EscalateTo { get; set; }

    /// <summary>reassign: the next level replaces the assignees; add: the next level joins them.</summary>
    public string EscalationMode { get; set; } = "reassign";
}
