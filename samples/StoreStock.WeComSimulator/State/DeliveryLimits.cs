using System.Security.Cryptography;
using System.Text;

namespace StoreStock.WeComSimulator.State;

/// <summary>
/// WeCom's two delivery filters. The duplicate check: with enable_duplicate_check=1 an identical request body inside
/// duplicate_check_interval of an accepted one is not delivered again. The per-member limits: 30 messages in any
/// 60 seconds and 1000 in any hour per member (sliding windows, the strict reading); a message over either limit is
/// silently dropped. Not thread-safe: used under the state's lock.
/// </summary>
public sealed class DeliveryLimits
{
    public const int PerMinute = 30;
    public const int PerHour = 1000;
    public const int DefaultDuplicateInterval = 1800;
    public const int MaxDuplicateInterval = 4 * 3600;

    private readonly Dictionary<string, (DateTimeOffset At, string Reply)> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _deliveries = new(StringComparer.Ordinal);

    /// <summary>The reply given to the identical earlier request when this one is a duplicate inside the interval.</summary>
    public string? Duplicate(string body, int intervalSeconds, DateTimeOffset now) =>
        _accepted.TryGetValue(Hash(body), out var earlier) && now - earlier.At < TimeSpan.FromSeconds(intervalSeconds)
            ? earlier.Reply
            : null;

    public void RememberAccepted(string body, string reply, DateTimeOffset now)
    {
        if (_accepted.Count > 50_000)
        {
            foreach (var stale in _accepted.Where(a => now - a.Value.At > TimeSpan.FromSeconds(MaxDuplicateInterval)).Select(a => a.Key).ToList())
            {
                _accepted.Remove(stale);
            }
        }

        _accepted[Hash(body)] = (now, reply);
    }

    /// <summary>Counts a delivery to the member and answers true, or answers false when it would exceed a limit.</summary>
    public bool TryDeliver(string userId, DateTimeOffset now)
    {
        if (!_deliveries.TryGetValue(userId, out var times))
        {
            _deliveries[userId] = times = [];
        }

        var hourAgo = now - TimeSpan.FromHours(1);
        var expired = times.FindIndex(t => t > hourAgo);
        times.RemoveRange(0, expired < 0 ? times.Count : expired);

        var minuteAgo = now - TimeSpan.FromMinutes(1);
        var inLastMinute = times.Count - times.FindLastIndex(t => t <= minuteAgo) - 1;
        if (times.Count >= PerHour || inLastMinute >= PerMinute)
        {
            return false;
        }

        times.Add(now);
        return true;
    }

    public void Clear()
    {
        _accepted.Clear();
        _deliveries.Clear();
    }

    private static string Hash(string body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
