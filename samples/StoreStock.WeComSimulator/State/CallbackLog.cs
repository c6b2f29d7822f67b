namespace StoreStock.WeComSimulator.State;

/// <summary>The last callbacks the simulator posted (a click's sealed event), kept so they can be inspected and replayed.</summary>
public sealed class CallbackLog
{
    public const int Capacity = 500;

    private readonly LinkedList<PostedCallback> _posted = new();
    private long _lastId;

    public IEnumerable<PostedCallback> Recent => _posted;

    public PostedCallback Add(PostedCallback callback)
    {
        var stored = callback with { Id = ++_lastId };
        _posted.AddFirst(stored);
        if (_posted.Count > Capacity)
        {
            _posted.RemoveLast();
        }

        return stored;
    }

    public PostedCallback? Find(long id) => _posted.FirstOrDefault(c => c.Id == id);

    public void Clear() => _posted.Clear();
}

/// <summary>
/// One callback: the click it reports, the plain event XML, exactly what was posted (URL with msg_signature,
/// timestamp and nonce; the encrypted envelope) and the status of each delivery attempt (0 = no HTTP answer).
/// </summary>
public sealed record PostedCallback(
    long Id,
    DateTimeOffset At,
    string UserId,
    string TaskId,
    string Key,
    string ResponseCode,
    string EventXml,
    Uri Url,
    string Envelope)
{
    public List<CallbackAttempt> Attempts { get; } = [];
}

public sealed record CallbackAttempt(DateTimeOffset At, int Status, string? Error);
