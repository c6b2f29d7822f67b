using System.Diagnostics;
using Npgsql;
using StoreStock.TestSupport;

namespace StoreStock.Samples.Tests;

/// <summary>A fresh database seeded with the sample chain at the test clock's time.</summary>
public sealed class SeededDatabase : IAsyncDisposable
{
    private SeededDatabase(NpgsqlDataSource db, TestClock clock, bool seeded, TimeSpan took)
    {
        Db = db;
        Clock = clock;
        Seeded = seeded;
        Took = took;
    }

    public NpgsqlDataSource Db { get; }

    public TestClock Clock { get; }

    /// <summary>What the first <see cref="SampleChain.SeedIfEmptyAsync"/> returned.</summary>
    public bool Seeded { get; }

    public TimeSpan Took { get; }

    public static async Task<SeededDatabase> CreateAsync(string purpose, int historyDays, TestClock? clock = null)
    {
        clock ??= new TestClock();
        var db = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync(purpose));
        var stopwatch = Stopwatch.StartNew();
        var seeded = await SampleChain.SeedIfEmptyAsync(db, Options(historyDays), clock, CancellationToken.None);
        return new SeededDatabase(db, clock, seeded, stopwatch.Elapsed);
    }

    public static SampleChainOptions Options(int historyDays) => new() { SalesHistoryDays = historyDays };

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>Fourteen days of history, seeded once and shared by the test classes that only read it.</summary>
public sealed class FourteenDayChain : IAsyncLifetime
{
    public const string Collection = "fourteen-day chain";
    public const int HistoryDays = 14;

    public SeededDatabase Chain { get; private set; } = null!;

    public async Task InitializeAsync() => Chain = await SeededDatabase.CreateAsync(nameof(FourteenDayChain), HistoryDays);

    public async Task DisposeAsync() => await Chain.DisposeAsync();
}

[CollectionDefinition(FourteenDayChain.Collection)]
public sealed class FourteenDayChainCollection : ICollectionFixture<FourteenDayChain>;
