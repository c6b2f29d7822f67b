using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Inventory.Alerts;

/// <summary>The alert list within the caller's scope, newest first.</summary>
public sealed class AlertQueries(NpgsqlDataSource dataSource)
{
    public sealed record AlertFilter(string? Store, string? Kind, string? Status, int Limit = 100);

    public async Task<Outcome<IReadOnlyList<AlertView>>> ListAsync(Caller caller, AlertFilter filter, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (filter.Kind is not null && !AlertKind.All.Contains(filter.Kind, StringComparer.Ordinal))
        {
            errors.Add("kind", $"must be one of {string.Join(", ", AlertKind.All)}");
        }

        if (filter.Status is not null && !AlertStatus.All.Contains(filter.Status, StringComparer.Ordinal))
        {
            errors.Add("status", $"must be one of {string.Join(", ", AlertStatus.All)}");
        }

        if (errors.Any)
        {
            return errors;
        }

        var (scopeSql, scopeParameters) = ScopeGuard.StoreFilter(caller, "a.store_id");
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new { filter.Store, filter.Kind, filter.Status, filter.Limit });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertView>(new CommandDefinition(
            $"""
            {AlertView.Select}
            where {scopeSql}
              and (@Store::text is null or s.code = @Store)
              and (@Kind::text is null or a.kind = @Kind)
              and (@Status::text is null or a.status = @Status)
            order by a.opened_at desc, a.id desc
            limit @Limit
            """,
            parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
