using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StoreStock.Database;

namespace StoreStock.Bench;

/// <summary>
/// A fresh, durable PostgreSQL cluster (fsync and synchronous_commit on) in a temp folder on a free port.
/// Disposing stops the server and deletes the folder.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly LocalPostgresCluster _cluster;

    private BenchCluster(string directory)
    {
        _directory = directory;
        _cluster = new LocalPostgresCluster(directory, LocalPostgresCluster.FindFreePort(), NullLogger.Instance, durable: true);
    }

    public int Port => _cluster.Port;

    public string BinDirectory => _cluster.BinDirectory;

    /// <summary>The postmaster's pid, the first line of postmaster.pid.</summary>
    public int ServerProcessId => int.Parse(File.ReadLines(Path.Combine(_directory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    public static async Task<BenchCluster> StartAsync(CancellationToken cancellationToken)
    {
        var cluster = new BenchCluster(Directory.CreateTempSubdirectory("storestock-bench-").FullName);
        try
        {
            await cluster._cluster.StartAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        var connectionString = _cluster.ConnectionString(name);
        await DatabaseCreator.EnsureExistsAsync(connectionString, cancellationToken: cancellationToken);
        return connectionString;
    }

    /// <summary>The server's version and the settings that make commits durable, for the record.</summary>
    public async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString("postgres"));
        var (version, fsync, synchronousCommit) = await connection.QuerySingleAsync<(string, string, string)>(
            "select current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')");
        return $"PostgreSQL {version} on port {Port}, fsync={fsync}, synchronous_commit={synchronousCommit}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _cluster.StopAsync();
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
