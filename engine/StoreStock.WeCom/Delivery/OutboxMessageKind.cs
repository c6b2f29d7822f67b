namespace StoreStock.WeCom.Delivery;

/// <summary>The kinds of message the engine and the alerts write to wf_outbox.</summary>
public static class OutboxMessageKind
{
    public const string Task = "task";
    public const string Remind = "remind";
    public const string Escalate = "escalate";
    public const string Notify = "notify";
    public const string TaskClosed = "task_closed";
}

/// <summary>wf_outbox.status.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";
}
