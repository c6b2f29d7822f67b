using System.Collections.Concurrent;

namespace StoreStock.WeCom.Client;

/// <summary>
/// Access tokens per app (corp id + agent id), kept until five minutes before they expire. One fetch per app at a
/// time: a burst of sends with no token, or a burst of rejected tokens, makes exactly one gettoken call.
/// </summary>
public sealed class WeComTokenCache(TimeProvider time)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _fetching = new(StringComparer.Ordinal);

    public async ValueTask<string> GetAsync(string app, Func<CancellationToken, Task<(string Token, int ExpiresIn)>> fetch, CancellationToken ct)
    {
        if (Fresh(app) is { } cached)
        {
            return cached;
        }

        var gate = _fetching.GetOrAdd(app, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh(app) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (token, expiresIn) = await fetch(ct);
            var lifetime = TimeSpan.FromSeconds(Math.Max(expiresIn, 0));
            var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
            _tokens[app] = new CachedToken(token, time.GetUtcNow() + lifetime - margin);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the token WeCom rejected — unless another caller already replaced it with a newer one.</summary>
    public void Invalidate(string app, string rejected)
    {
        if (_tokens.TryGetValue(app, out var cached) && string.Equals(cached.Value, rejected, StringComparison.Ordinal))
        {
            _tokens.TryRemove(KeyValuePair.Create(app, cached));
        }
    }

    private string? Fresh(string app) =>
        _tokens.TryGetValue(app, out var cached) && time.GetUtcNow() < cached.RefreshAt ? cached.Value : null;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
