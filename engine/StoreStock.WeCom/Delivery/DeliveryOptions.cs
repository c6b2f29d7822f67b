namespace StoreStock.WeCom.Delivery;

/// <summary>Configuration section <c>WeCom:Delivery</c>: how the outbox worker polls, retries and paces.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Whether this node runs the delivery worker.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the worker rests (real time) when nothing was due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts before a message is dead (shown on HQ's list, sent again only by hand).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Messages one claim takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Sends in flight at once per node.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="RetryCap"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryCap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claimed batch is this node's; a node that dies mid-batch leaves it to others after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>WeCom's per-member limits (wecom.md §2.4): more is dropped without an error.</summary>
    public int PerMemberPerMinute { get; set; } = 30;

    public int PerMemberPerHour { get; set; } = 1000;

    /// <summary>The task page a notice card opens; "{taskId}" is replaced. Empty: this host's address + /tasks/{taskId}.</summary>
    public string? TaskUrl { get; set; }
}
