namespace StoreStock.WeCom.Delivery;

/// <summary>Names a card shows that the outbox row does not carry; the host answers them from its organisation tables.</summary>
public interface ICardDirectory
{
    /// <summary>The store's name, or null when unknown.</summary>
    Task<string?> StoreNameAsync(int storeId, CancellationToken ct);

    /// <summary>The person's display name; their username when unknown.</summary>
    Task<string> DisplayNameAsync(string username, CancellationToken ct);
}

/// <summary>Used when the host registers no directory: no store line, usernames as names.</summary>
public sealed class NoCardDirectory : ICardDirectory
{
    public Task<string?> StoreNameAsync(int storeId, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<string> DisplayNameAsync(string username, CancellationToken ct) => Task.FromResult(username);
}
