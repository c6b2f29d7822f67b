namespace StoreStock.Engine.Runtime;

/// <summary>The kinds of message written to wf_outbox (by the engine and by the stock alerts); delivery renders each its way.</summary>
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
