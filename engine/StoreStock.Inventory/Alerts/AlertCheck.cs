using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Alerts;

/// <summary>
/// The stock alert check, set-based: every store's selling location against its policy (store overrides, then the
/// product's) and the sales summary, in a few statements, in the caller's transaction. The first check of a business day
/// (the summary rebuilt) evaluates every stock row; later ones only the pairs whose stock moved (queued by the ledger's inserts) and whose policy changed. It opens the alerts whose
/// condition holds, refreshes the figures of those still open, resolves those whose condition cleared, and marks the
/// open (not acknowledged) ones that are new or were last notified before <c>notifiedBefore</c> as notified now,
/// returning them so the caller writes their messages in the same transaction.
/// </summary>
public static class AlertCheck
{
    /// <summary>Serialises checks across nodes and callers (the scheduled job and "check now").</summary>
    public const long LockKey = 0x53746b416c657274; // "StkAlert"

    /// <summary>The first check over a large chain opens every alert at once; give its statements time.</summary>
    internal const int CommandTimeoutSeconds = 600;

    public static async Task<AlertCheckResult> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, TimeSpan renotifyAfter, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(AlertSql.Prepare, new { LockKey }, transaction, cancellationToken: cancellationToken));
        var rebuilt = await SalesSummary.RefreshAsync(connection, transaction, now, cancellationToken);
        var (lastChecked, recheckUpTo) = await connection.QuerySingleAsync<(DateTimeOffset? LastChecked, long RecheckUpTo)>(new CommandDefinition(
            AlertSql.LastCheck, transaction: transaction, cancellationToken: cancellationToken));
        var everything = rebuilt || lastChecked is null;
        var (opened, refreshed, resolved, openedIds) = await connection.QuerySingleAsync<(int, int, int, long[])>(new CommandDefinition(
            AlertCheckSql.Check(everything),
            new { now, noSaleDays = AlertKind.NoSaleDays, recheckUpTo },
            transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(AlertSql.RecordCheck, new { recheckUpTo, now }, transaction, cancellationToken: cancellationToken));
        var due = (await connection.QueryAsync<DueAlert>(new CommandDefinition(
            AlertSql.MarkDue, new { now, notifiedBefore = now - renotifyAfter, opened = openedIds }, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken))).ToList();
        return new AlertCheckResult(opened, refreshed, resolved, rebuilt, due);
    }
}
