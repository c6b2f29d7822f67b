namespace StoreStock.WeCom.Delivery;

/// <summary>The store name a card shows, which the outbox row does not carry; the host answers it from its stores.</summary>
public interface ICardDirectory
{
    /// <summary>The store's name, or null when unknown.</summary>
    Task<string?> StoreNameAsync(int storeId, CancellationToken ct);
}
