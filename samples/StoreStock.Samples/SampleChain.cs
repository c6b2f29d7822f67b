using Npgsql;

namespace StoreStock.Samples;

/// <summary>The demo chain: regions, stores, products, users, API keys and deterministic sales history.</summary>
public static class SampleChain
{
    /// <summary>Seeds the sample chain when the database has no region yet. Returns whether it seeded.</summary>
    public static Task<bool> SeedIfEmptyAsync(NpgsqlDataSource dataSource, SampleChainOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        _ = (dataSource, options, time, cancellationToken);
        return Task.FromResult(false);
    }
}
