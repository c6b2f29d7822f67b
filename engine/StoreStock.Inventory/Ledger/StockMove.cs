namespace StoreStock.Inventory.Ledger;

/// <summary>
/// A stock change to append. Deltas are signed; at least one is non-zero. <see cref="UnitCost"/> is given for
/// incoming stock with a known cost (it moves the average cost); otherwise the move is valued at the current average.
/// <see cref="Actor"/> overrides the write's actor, for batches that carry several callers' moves.
/// </summary>
public sealed record StockMove(
    int LocationId,
    int ProductId,
    string Kind,
    decimal OnHandDelta,
    decimal ReservedDelta = 0,
    decimal InTransitDelta = 0,
    decimal? UnitCost = null,
    long? DocumentId = null,
    string? Channel = null,
    string? ExternalRef = null,
    DateTimeOffset? OccurredAt = null,
    string? Actor = null);

/// <summary>A line that could not be reserved, with what was available at that moment.</summary>
public sealed record Shortfall(int LocationId, int ProductId, decimal Requested, decimal Available);

public sealed record LedgerWriteResult(IReadOnlyList<Shortfall> Shortfalls)
{
    public bool Succeeded => Shortfalls.Count == 0;
}
