using System.Text.Json.Nodes;

namespace StoreStock.Engine.Runtime;

/// <summary>The stored row of an instance, as one step reads and writes it.</summary>
public sealed class InstanceRecord
{
    public Guid Id { get; init; }

    public string DefinitionId { get; init; } = "";

    public int Version { get; init; }

    public string Status { get; set; } = InstanceStatus.Running;

    public int? StoreId { get; init; }

    public int? RegionId { get; init; }

    public string? Correlation { get; init; }

    public JsonObject Variables { get; set; } = [];

    public InstanceState State { get; set; } = new();

    public string StartedBy { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public static class InstanceStatus
{
    public const string Running = "running";
    public const string Suspended = "suspended";
    public const string Finished = "finished";
    public const string Faulted = "faulted";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Running, Suspended, Finished, Faulted, Cancelled];

    public static bool IsClosed(string status) => status is Finished or Cancelled;
}

/// <summary>What an instance remembers besides variables and bookmarks.</summary>
public sealed class InstanceState
{
    public Dictionary<string, JoinState> Joins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The work that was due when a step faulted; a retry runs it again.</summary>
    public List<WorkItem> PendingWork { get; set; } = [];

    public int JournalSeq { get; set; }
}

public sealed class JoinState
{
    public List<string> Arrived { get; set; } = [];

    public bool Fired { get; set; }
}

/// <summary>An activity due to run, and the activity whose outcome led to it.</summary>
public sealed record WorkItem(string ActivityId, string? FromActivityId);

public sealed class BookmarkRecord
{
    public Guid Id { get; init; }

    public Guid InstanceId { get; init; }

    public string ActivityId { get; init; } = "";

    public string Kind { get; init; } = "";

    public JsonObject Payload { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record TimerRecord(Guid Id, Guid InstanceId, Guid BookmarkId, string Kind, DateTimeOffset DueAt);

public static class TimerKind
{
    public const string Delay = "delay";
    public const string Remind = "remind";
    public const string Escalate = "escalate";
    public const string Expire = "expire";
}

public sealed record JournalEntry(int Seq, DateTimeOffset At, string ActivityId, string ActivityType, string Event, string? Outcome, string Actor, string? Detail);

public sealed record OutboxMessage(Guid? InstanceId, Guid? TaskId, string Kind, string Recipient, string Title, string Body);

public sealed record IncidentRecord(string ActivityId, DateTimeOffset At, string Message);

/// <summary>Why a bookmark is being resumed.</summary>
public abstract record ResumeSignal
{
    public sealed record TaskCompleted(Tasks.TaskCard Task, string Outcome, JsonObject Payload, WorkflowActor By) : ResumeSignal;

    public sealed record TimerFired(string Kind) : ResumeSignal;

    public sealed record External(JsonNode? Payload) : ResumeSignal;
}
