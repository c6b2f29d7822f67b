using Npgsql;

namespace StoreStock.Inventory.Data;

/// <summary>Opens connections and runs units of work in one transaction, retrying on deadlock or serialization failure.</summary>
public sealed class InventoryDatabase(NpgsqlDataSource dataSource)
{
    private const int MaxAttempts = 5;

    public NpgsqlDataSource DataSource => dataSource;

    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(connection, transaction);
                // A unit of work that rolled back (e.g. a refused reservation) leaves nothing to commit.
                if (transaction.Connection is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return result;
            }
            catch (PostgresException e) when (IsTransient(e) && attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    public static bool IsTransient(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
