using StoreStock.Database;

namespace StoreStock.Host.Startup;

/// <summary>
/// With no connection string configured, the host runs its own PostgreSQL cluster under .data/postgres at the
/// repository root and stops it when the host stops.
/// </summary>
public static class LocalDatabase
{
    public const string ConnectionName = "StoreStock";

    public static async Task UseLocalClusterWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            return;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggerFactory.CreateLogger("StoreStock.LocalPostgres");
        var dataDirectory = builder.Configuration["LocalPostgres:DataDirectory"]
            ?? Path.Combine(FindRepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
        var port = builder.Configuration.GetValue("LocalPostgres:Port", 55432);
        var cluster = new LocalPostgresCluster(dataDirectory, port, logger);
        await cluster.StartAsync(CancellationToken.None);

        var connectionString = cluster.ConnectionString("storestock");
        await DatabaseCreator.EnsureExistsAsync(connectionString);
        builder.Configuration[$"ConnectionStrings:{ConnectionName}"] = connectionString;
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<LocalClusterLifetime>();
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StoreStock.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }

    /// <summary>Stops the private cluster after the web server has stopped.</summary>
    private sealed class LocalClusterLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
    }
}
