using Npgsql;

namespace StoreStock.Engine.Runtime;

/// <summary>
/// The one connection and transaction a step runs in. Activities that write to the database (stock moves) ask for
/// it through their context; the step then guards the activity with a savepoint so a failure undoes only its own writes.
/// </summary>
public sealed class UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private bool _savepointOpen;

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    internal async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> EnterForActivityAsync(CancellationToken cancellationToken)
    {
        if (!_savepointOpen)
        {
            await Transaction.SaveAsync("activity", cancellationToken);
            _savepointOpen = true;
        }

        return (Connection, Transaction);
    }

    internal async Task ActivitySucceededAsync(CancellationToken cancellationToken)
    {
        if (_savepointOpen)
        {
            await Transaction.ReleaseAsync("activity", cancellationToken);
            _savepointOpen = false;
        }
    }

    internal async Task ActivityFailedAsync(CancellationToken cancellationToken)
    {
        if (_savepointOpen)
        {
            await Transaction.RollbackAsync("activity", cancellationToken);
            _savepointOpen = false;
        }
    }
}
