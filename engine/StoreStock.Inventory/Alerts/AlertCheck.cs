using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Alerts;

/// <summary>
/// The stock alert check, set-based: every store's selling location against its policy (store overrides, then the
/// product's) and the sales summary, in a few statements, in the caller's transaction. It opens the alerts whose
/// condition holds, refreshes the figures of those still open, resolves those whose condition cleared, and marks the
/// open (not acknowledged) ones that are new or were last notified before <c>notifiedBefore</c> as notified now,
/// returning them so the caller writes their messages in the same transaction.
/// </summary>
public static class AlertCheck
{
    /// <summary>Serialises checks across nodes and callers (the scheduled job and "check now").</summary>
    private const long LockKey = 0x53746b416c657274; // "StkAlert"

    /// <summary>The first check over a large chain opens every alert at once; give its statements time.</summary>
    internal const int CommandTimeoutSeconds = 600;

    public static async Task<AlertCheckResult> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, TimeSpan renotifyAfter, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            // The check hashes about a million stock rows against the summary: in memory, for this transaction only. No JIT: compiling
            // its expressions took longer than running them.
            "select pg_advisory_xact_lock(@LockKey); set local work_mem = '256MB'; set local jit = off;",
            new { LockKey }, transaction, cancellationToken: cancellationToken));
        var rebuilt = await SalesSummary.RefreshAsync(connection, transaction, now, cancellationToken);
        var (opened, refreshed, resolved) = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition(
            AlertSql.Check, new { now, noSaleDays = AlertKind.NoSaleDays }, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken));
        var due = (await connection.QueryAsync<DueAlert>(new CommandDefinition(
            AlertSql.MarkDue, new { now, notifiedBefore = now - renotifyAfter }, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken))).ToList();
        return new AlertCheckResult(opened, refreshed, resolved, rebuilt, due);
    }
}
