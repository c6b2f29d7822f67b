using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace StoreStock.Database;

/// <summary>
/// Applies numbered SQL scripts in order, each in its own transaction, and records each with its checksum.
/// Refuses to start when an applied script has changed since. An advisory lock keeps two nodes that start
/// together from racing.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Arbitrary but fixed: "StoreStk" as a 64-bit number.
    private const long MigrationLockKey = 0x53746f726553746b;

    public async Task<int> MigrateAsync(IEnumerable<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("select pg_advisory_lock(@key)", new { key = MigrationLockKey });
        try
        {
            await connection.ExecuteAsync("""
                create table if not exists schema_journal (
                    module     text        not null,
                    name       text        not null,
                    checksum   text        not null,
                    applied_at timestamptz not null default now(),
                    primary key (module, name)
                )
                """);
            var applied = (await connection.QueryAsync<(string Module, string Name, string Checksum)>(
                    "select module, name, checksum from schema_journal"))
                .ToDictionary(r => (r.Module, r.Name), r => r.Checksum);

            var count = 0;
            foreach (var script in scripts)
            {
                if (applied.TryGetValue((script.Module, script.Name), out var checksum))
                {
                    if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(
                            $"Schema script {script.Module}/{script.Name} was changed after it was applied. Add a new script instead of editing an applied one.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken, commandTimeout: 600));
                await connection.ExecuteAsync(
                    "insert into schema_journal (module, name, checksum) values (@Module, @Name, @Checksum)",
                    new { script.Module, script.Name, script.Checksum },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema script {Module}/{Name}", script.Module, script.Name);
                count++;
            }

            return count;
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }
}
