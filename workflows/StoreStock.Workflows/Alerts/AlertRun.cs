using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Alerts;
using StoreStock.Inventory.Data;

namespace StoreStock.Workflows.Alerts;

/// <summary>What one run did: alerts opened, refreshed and resolved, and outbox messages written.</summary>
public sealed record AlertRunResult(int Opened, int Refreshed, int Resolved, int Notified, bool SummaryRebuilt);

/// <summary>
/// One alert check with its notifications: the check and one outbox message per due alert to each store manager of
/// the alert's store commit in one transaction, so a crash neither notifies twice nor loses a message. New low-stock
/// alerts then go to <see cref="ILowStockReplenishment"/> when the setting is on.
/// </summary>
public sealed partial class AlertRun(
    InventoryDatabase database, TimeProvider time, IOptions<AlertOptions> options, ILowStockReplenishment replenishment, ILogger<AlertRun> logger)
{
    public async Task<AlertRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (check, notified) = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var check = await AlertCheck.RunAsync(connection, transaction, now, options.Value.RenotifyAfter, cancellationToken);
            var messages = await MessagesAsync(connection, transaction, check.Due, cancellationToken);
            await Outbox.AddAsync(connection, transaction, messages, now, cancellationToken);
            return (check, messages.Count);
        }, cancellationToken);

        if (options.Value.StartReplenishmentOnLowStock)
        {
            await StartReplenishmentAsync(check.Due.Where(a => a.IsNew && a.Kind == AlertKind.LowStock), cancellationToken);
        }

        return new AlertRunResult(check.Opened, check.Refreshed, check.Resolved, notified, check.SummaryRebuilt);
    }

    private static async Task<List<OutboxMessage>> MessagesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DueAlert> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return [];
        }

        var managers = (await connection.QueryAsync<(int StoreId, string Username)>(new CommandDefinition(
                "select store_id, username from app_user where role = @role and is_active and store_id = any(@stores) order by username",
                new { role = Role.StoreManager, stores = due.Select(a => a.StoreId).Distinct().ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(m => m.StoreId, m => m.Username);
        return due.SelectMany(alert =>
        {
            var (title, body) = AlertMessages.For(alert);
            return managers[alert.StoreId].Select(manager => new OutboxMessage(null, null, OutboxMessageKind.Notify, manager, title, body));
        }).ToList();
    }

    private async Task StartReplenishmentAsync(IEnumerable<DueAlert> newLowStock, CancellationToken cancellationToken)
    {
        foreach (var a in newLowStock)
        {
            try
            {
                await replenishment.StartAsync(new LowStockAlert(a.Id, a.StoreId, a.LocationId, a.ProductId, a.Available, a.LowLine), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The alert stands and was notified; replenishment for it can still be started by hand.
                LogReplenishmentFailed(logger, a.Id, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start replenishment for low-stock alert {AlertId}.")]
    private static partial void LogReplenishmentFailed(ILogger logger, long alertId, Exception exception);
}
