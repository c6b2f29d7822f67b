using System.Globalization;
using Dapper;
using Npgsql;

namespace StoreStock.Bench;

/// <summary>
/// WAL counters of the cluster around the run: how many times WAL was flushed to disk (fsync) and how much was
/// written; and the transactions committed in the database. Backends report their counters when they end or at most
/// about once a second, so the pool is emptied and the reports given a moment before reading.
/// </summary>
public sealed record DatabaseCounters(long WalSyncs, long WalBytes, long Commits)
{
    private static readonly TimeSpan ReportDelay = TimeSpan.FromSeconds(1.5);

    public static async Task<DatabaseCounters> ReadAsync(NpgsqlDataSource db)
    {
        db.Clear();
        await Task.Delay(ReportDelay);
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<DatabaseCounters>(
            "select wal_sync as WalSyncs, wal_bytes::bigint as WalBytes, (select xact_commit from pg_stat_database where datname = current_database()) as Commits from pg_stat_wal");
    }

    /// <summary>Flushes and bytes since <paramref name="before"/>, also per <paramref name="unit"/> (e.g. "receipt").</summary>
    public string Since(DatabaseCounters before, long items, string unit)
    {
        var perItem = (double)Math.Max(1, items);
        return string.Create(CultureInfo.InvariantCulture,
            $"{WalSyncs - before.WalSyncs} flushes ({(WalSyncs - before.WalSyncs) / perItem:F3} per {unit}), "
            + $"{(WalBytes - before.WalBytes) / perItem:F0} bytes per {unit}");
    }

    /// <summary>Transactions committed in this database since <paramref name="before"/>, also per <paramref name="unit"/>.</summary>
    public string CommitsSince(DatabaseCounters before, long items, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Commits - before.Commits} ({(Commits - before.Commits) / (double)Math.Max(1, items):F2} per {unit})");
}
