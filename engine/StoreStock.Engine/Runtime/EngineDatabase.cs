using Npgsql;

namespace StoreStock.Engine.Runtime;

/// <summary>Runs work in one read-committed transaction, retrying when PostgreSQL picks it as a deadlock victim.</summary>
public sealed class EngineDatabase(NpgsqlDataSource dataSource)
{
    private const int Attempts = 3;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public async Task<T> InTransactionAsync<T>(Func<UnitOfWork, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await DataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                var result = await work(new UnitOfWork(connection, transaction));
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < Attempts)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }
}
