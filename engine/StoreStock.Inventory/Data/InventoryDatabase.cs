using Npgsql;

namespace StoreStock.Inventory.Data;

/// <summary>Opens connections and runs units of work in one transaction, retrying on deadlock or serialization failure.</summary>
public sealed class InventoryDatabase(NpgsqlDataSource dataSource)
{
    private const int MaxAttempts = 5;

    public NpgsqlDataSource DataSource => dataSource;

    /// <param name="commitWhen">Decides from the result whether to commit; a refusal rolls everything back. Default: always commit.</param>
    public async Task<T> InTransactionAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken, Func<T, bool>? commitWhen = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(connection, transaction);
                if (commitWhen is null || commitWhen(result))
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
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
