using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Inventory.Alerts;

/// <summary>
/// A store manager, the regional supervisor or HQ acknowledges an alert in their scope: it is no longer re-notified,
/// and it is still resolved by the check when its condition clears. Acknowledging twice changes nothing.
/// </summary>
public sealed class AcknowledgeAlert(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly string[] Roles = [Role.StoreManager, Role.RegionalSupervisor, Role.HqAdmin];

    public async Task<Outcome<AlertView>> AcknowledgeAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        if (caller.Role is null || !Roles.Contains(caller.Role, StringComparer.Ordinal))
        {
            return Failure.Forbidden("只有店长、区域督导或总部可以确认预警 (only a store manager, supervisor or HQ may acknowledge an alert)");
        }

        var (scopeSql, scopeParameters) = ScopeGuard.StoreFilter(caller, "store_id");
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new { id, by = caller.Actor, now = time.GetUtcNow() });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"""
            with target as (select id, status from stock_alert where id = @id and {scopeSql} for update),
            acknowledged as (
                update stock_alert a set status = 'acknowledged', acknowledged_by = @by, acknowledged_at = @now, updated_at = @now
                from target t where a.id = t.id and t.status = 'open'
                returning a.status)
            select coalesce((select status from acknowledged), (select status from target))
            """,
            parameters, cancellationToken: cancellationToken));
        if (status is null)
        {
            return Failure.NotFound("预警不存在 (alert not found)");
        }

        if (status == AlertStatus.Resolved)
        {
            return Failure.Conflict("预警已解除，无需确认 (the alert is already resolved)");
        }

        return await connection.QuerySingleAsync<AlertView>(new CommandDefinition(
            $"{AlertView.Select} where a.id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
