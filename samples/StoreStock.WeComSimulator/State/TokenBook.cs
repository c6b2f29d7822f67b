using System.Security.Cryptography;

namespace StoreStock.WeComSimulator.State;

/// <summary>
/// Access tokens as WeCom issues them: 7200 s of validity; asking again inside that window returns the same token
/// ("有效期内重复获取返回相同结果") with its validity renewed; an expired token answers 42001, an unknown or
/// invalidated one 40014. Not thread-safe: used under <see cref="SimulatorState"/>'s lock.
/// </summary>
public sealed class TokenBook
{
    public const int ExpiresInSeconds = 7200;

    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private string? _current;

    public string Issue(DateTimeOffset now)
    {
        if (_current is null || _expiries[_current] <= now)
        {
            _current = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 86);
        }

        _expiries[_current] = now.AddSeconds(ExpiresInSeconds);
        return _current;
    }

    /// <summary>0 when the token is good, else the errcode WeCom gives (41001 missing, 40014 unknown, 42001 expired).</summary>
    public int Check(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token))
        {
            return SimErrors.MissingToken;
        }

        if (!_expiries.TryGetValue(token, out var expiry))
        {
            return SimErrors.InvalidToken;
        }

        return expiry <= now ? SimErrors.TokenExpired : 0;
    }

    /// <summary>WeCom may drop tokens before they expire; every token in use becomes unknown (40014).</summary>
    public void InvalidateAll()
    {
        _expiries.Clear();
        _current = null;
    }
}
