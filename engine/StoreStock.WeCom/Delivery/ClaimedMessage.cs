namespace StoreStock.WeCom.Delivery;

/// <summary>
/// An outbox message this node has claimed, with the task card it is about (when it has one) as it stands now.
/// <paramref name="SlotId"/> is its entry in the per-member send log (none for card updates, which are not messages).
/// </summary>
public sealed record ClaimedMessage(
    long Id,
    string Kind,
    string Recipient,
    string UserId,
    string Title,
    string Body,
    Guid? TaskId,
    int Attempts,
    bool AttemptedBefore,
    long? SlotId,
    TaskSnapshot? Task);

/// <summary>The wf_task row a message refers to.</summary>
public sealed record TaskSnapshot(
    string Status,
    string FormJson,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Assignees,
    DateTimeOffset? DueAt,
    int? StoreId,
    int EscalationLevel,
    string? CompletedBy,
    string? Outcome);
