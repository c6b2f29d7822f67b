using Dapper;

namespace StoreStock.Samples.Tests;

// Runs on its own, after the parallel tests, so the time it reports is the seed's and not the machine's contention.
[CollectionDefinition(nameof(NinetyDayHistoryTests), DisableParallelization = true)]
public sealed class NinetyDayHistoryCollection;

[Collection(nameof(NinetyDayHistoryTests))]
public sealed class NinetyDayHistoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ninety_days_seed_quickly_and_keep_the_ledger_consistent()
    {
        await using var chain = await SeededDatabase.CreateAsync("ninety days", historyDays: 90);

        await using var c = await chain.Db.OpenConnectionAsync();
        var (moves, levels) = await c.QuerySingleAsync<(long, long)>("select (select count(*) from stock_move), (select count(*) from stock_level)");
        output.WriteLine($"Seeded 90 days in {chain.Took.TotalSeconds:F1} s: {moves:N0} moves, {levels:N0} level rows");

        Assert.True(chain.Seeded);
        Assert.InRange(moves, 150_000, 600_000);
        Assert.Equal(0, await LedgerChecks.LevelsDifferingFromMovesAsync(c));
        Assert.Equal(0, await LedgerChecks.NegativeRunningBalancesAsync(c));
        Assert.Equal(90, await c.ExecuteScalarAsync<int>(
            "select count(distinct (occurred_at at time zone 'Asia/Shanghai')::date) from stock_move where kind = 'sale'"));
        // Generous for a shared 2-core machine; the output above shows the real figure.
        Assert.True(chain.Took < TimeSpan.FromSeconds(60), $"seeding took {chain.Took}");
    }
}
