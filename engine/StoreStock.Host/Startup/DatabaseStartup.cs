using Npgsql;
using StoreStock.Database;
using StoreStock.Samples;

namespace StoreStock.Host.Startup;

/// <summary>Before serving: apply schema scripts, then seed the sample chain into an empty database.</summary>
public sealed class DatabaseStartup(
    NpgsqlDataSource dataSource,
    SchemaMigrator migrator,
    SampleChainOptions samples,
    TimeProvider time,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(SchemaModules.All(), cancellationToken);
        if (samples.SeedWhenEmpty && await SampleChain.SeedIfEmptyAsync(dataSource, samples, time, cancellationToken))
        {
            logger.LogInformation("Seeded the sample chain ({Days} days of sales history)", samples.SalesHistoryDays);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
