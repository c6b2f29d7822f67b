namespace StoreStock.Samples;

/// <summary>One seeded stock move: a signed on-hand change valued at the product's cost price.</summary>
internal readonly record struct SampleMove(
    int LocationId,
    int ProductId,
    string Kind,
    int Quantity,
    decimal UnitCost,
    string? Channel,
    DateTimeOffset OccurredAt);
