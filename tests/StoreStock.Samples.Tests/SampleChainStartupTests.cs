using Dapper;
using Npgsql;
using StoreStock.TestSupport;

namespace StoreStock.Samples.Tests;

public sealed class SampleChainStartupTests
{
    [Fact]
    public async Task Without_history_it_seeds_master_data_and_opening_balances_only()
    {
        await using var chain = await SeededDatabase.CreateAsync("no history", historyDays: 0);
        Assert.True(chain.Seeded);

        await using var c = await chain.Db.OpenConnectionAsync();
        Assert.Equal(["opening_balance"], await c.QueryAsync<string>("select distinct kind from stock_move"));
        var yesterday = DateOnly.FromDateTime(chain.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-1);
        var days = await c.QueryAsync<DateTime>("select distinct (occurred_at at time zone 'Asia/Shanghai')::date::timestamp from stock_move");
        Assert.Equal([yesterday], days.Select(DateOnly.FromDateTime));
        Assert.Equal(0, await LedgerChecks.LevelsDifferingFromMovesAsync(c));
        Assert.Equal(27, await c.ExecuteScalarAsync<int>("select count(*) from app_user"));
        Assert.Equal(3, await c.ExecuteScalarAsync<int>("select count(*) from api_key"));
    }

    [Fact]
    public async Task Two_hosts_starting_together_seed_once()
    {
        await using var db = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync("seed race"));
        var clock = new TestClock();

        var results = await Task.WhenAll(
            SampleChain.SeedIfEmptyAsync(db, SeededDatabase.Options(0), clock, CancellationToken.None),
            SampleChain.SeedIfEmptyAsync(db, SeededDatabase.Options(0), clock, CancellationToken.None));

        Assert.Single(results, seeded => seeded);
        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("select count(*) from region"));
    }

    [Fact]
    public async Task A_database_that_already_has_a_region_is_left_alone()
    {
        await using var db = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync("existing region"));
        await new TestOrg(db).RegionAsync("NORTH");

        var seeded = await SampleChain.SeedIfEmptyAsync(db, SeededDatabase.Options(7), new TestClock(), CancellationToken.None);

        Assert.False(seeded);
        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("select (select count(*) from store) + (select count(*) from product) + (select count(*) from stock_move)"));
    }
}
