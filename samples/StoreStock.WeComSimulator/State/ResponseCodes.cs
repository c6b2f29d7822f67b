using System.Security.Cryptography;

namespace StoreStock.WeComSimulator.State;

/// <summary>
/// Single-use response codes for update_template_card: one from each interactive send, one from each click; each
/// valid for 72 hours and good for exactly one update of its card. Not thread-safe: used under the state's lock.
/// </summary>
public sealed class ResponseCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private readonly Dictionary<string, (string TaskId, DateTimeOffset Expires)> _codes = new(StringComparer.Ordinal);

    public string Issue(string taskId, DateTimeOffset now)
    {
        var code = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 64);
        _codes[code] = (taskId, now + Lifetime);
        return code;
    }

    /// <summary>The task the code belongs to, or null when it is unknown, used or expired.</summary>
    public string? Peek(string code, DateTimeOffset now) =>
        _codes.TryGetValue(code, out var grant) && grant.Expires > now ? grant.TaskId : null;

    public void Consume(string code) => _codes.Remove(code);

    public void Clear() => _codes.Clear();
}
