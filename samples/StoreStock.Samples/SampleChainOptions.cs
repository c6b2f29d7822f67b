namespace StoreStock.Samples;

public sealed class SampleChainOptions
{
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>Days of deterministic sales history before today (90 for the demo; tests use fewer; 0 to 366).</summary>
    public int SalesHistoryDays { get; set; } = 90;
}
