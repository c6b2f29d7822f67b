using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StoreStock.Database;

namespace StoreStock.TestSupport;

/// <summary>
/// One throwaway PostgreSQL server per test run. `tests/run` starts it and passes STORESTOCK_TEST_PG (a connection
/// string to its "postgres" database); a bare `dotnet test` starts a private cluster in a temp folder instead.
/// Each test class gets its own database, cloned from a migrated template, so tests never see each other's rows.
/// </summary>
public static class TestPostgres
{
    private const string TemplateName = "storestock_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);
    private static bool _templateReady;
    private static int _counter;

    /// <summary>Creates a fresh, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await Server.Value;
        await EnsureTemplateAsync(server);
        var name = $"t_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}_{Sanitize(purpose)}";
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        await DatabaseCreator.EnsureExistsAsync(builder.ConnectionString, TemplateName);
        return builder.ConnectionString;
    }

    public static async Task<string> ServerConnectionStringAsync() => await Server.Value;

    private static async Task EnsureTemplateAsync(string server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = TemplateName, Pooling = false };
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
            {
                await admin.OpenAsync();
                // Test projects run in parallel processes; the advisory lock makes one of them build the template.
                await admin.ExecuteAsync("select pg_advisory_lock(42)");
                try
                {
                    var exists = await admin.ExecuteScalarAsync<bool>("select exists (select 1 from pg_database where datname = @TemplateName)", new { TemplateName });
                    if (!exists)
                    {
                        var building = TemplateName + "_building";
                        await admin.ExecuteAsync($"drop database if exists {building}");
                        await admin.ExecuteAsync($"create database {building}");
                        builder.Database = building;
                        await using (var dataSource = NpgsqlDataSource.Create(builder.ConnectionString))
                        {
                            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance)
                                .MigrateAsync(StoreStock.Host.Startup.SchemaModules.All(), CancellationToken.None);
                        }

                        await admin.ExecuteAsync($"alter database {building} rename to {TemplateName}");
                    }
                }
                finally
                {
                    await admin.ExecuteAsync("select pg_advisory_unlock(42)");
                }
            }

            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<string> StartServerAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("STORESTOCK_TEST_PG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var directory = Path.Combine(Path.GetTempPath(), $"storestock-test-pg-{Environment.ProcessId}");
        var cluster = new LocalPostgresCluster(directory, LocalPostgresCluster.FindFreePort(), NullLogger.Instance, durable: false);
        await cluster.StartAsync(CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(directory, recursive: true);
        };
        return cluster.ConnectionString("postgres");
    }

    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
}
