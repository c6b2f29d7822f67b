using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>
/// Counts as people see them, inside their scope. While a blind count is open, clerks see no system quantity: not in
/// the count, not in its report. Managers, supervisors and HQ always do.
/// </summary>
public sealed class StocktakeQueries(InventoryDatabase database, ScopeGuard scope)
{
    public Task<bool> CanSeeAsync(Caller caller, int storeId, CancellationToken cancellationToken) =>
        caller.IsApiKey ? Task.FromResult(false) : scope.CanAccessStoreAsync(caller, storeId, cancellationToken);

    public async Task<IReadOnlyList<StocktakeSummary>> ListAsync(Caller caller, string? store, string? status, CancellationToken cancellationToken)
    {
        var (storeScope, scopeParameters) = ScopeGuard.StoreFilter(caller, "t.store_id");
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new { store, status });
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StocktakeSummary>(new CommandDefinition(
            $"""
            select t.number, s.code as StoreCode, t.status, t.scope_kind as ScopeKind, t.blind, t.snapshot_at as SnapshotAt, t.deadline,
                   t.schedule_id as ScheduleId, t.scheduled_for as ScheduledFor, t.gain_value as GainValue, t.loss_value as LossValue
            from stocktake t join store s on s.id = t.store_id
            where {storeScope} and (@store::text is null or s.code = @store) and (@status::text is null or t.status = @status)
            order by t.id desc limit 200
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();
    }

    public async Task<Outcome<StocktakeView>> GetAsync(Caller caller, string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StocktakeRow>(
            """
            select t.id, t.number, s.code as StoreCode, t.store_id as StoreId, t.status, t.scope_kind as ScopeKind, t.scope_ids as ScopeIds, t.blind,
                   t.round, t.snapshot_at as SnapshotAt, t.deadline, t.schedule_id as ScheduleId, t.scheduled_for as ScheduledFor,
                   t.instance_id as InstanceId, t.created_by as CreatedBy, t.submitted_by as SubmittedBy, t.posted_by as PostedBy, t.posted_at as PostedAt
            from stocktake t join store s on s.id = t.store_id where t.number = @number
            """,
            new { number });
        if (row is null || !await CanSeeAsync(caller, row.StoreId, cancellationToken))
        {
            return NotFound(number);
        }

        var hidden = HidesSystemQuantity(caller, row.Blind, row.Status);
        var lines = (await StocktakeHeader.VarianceAsync(connection, row.Id))
            .Select(l => new StocktakeLineView(l.Sku, l.Name,
                hidden ? null : l.SnapshotQuantity, hidden ? null : l.SystemQuantity, l.Counted,
                hidden ? null : l.Difference, hidden ? null : l.Value, l.CountedBy, l.CountedAt, l.Recount))
            .ToList();
        return new StocktakeView(row.Number, row.StoreCode, row.Status, row.ScopeKind, row.ScopeIds, row.Blind, row.Round, row.SnapshotAt, row.Deadline,
            row.ScheduleId, row.ScheduledFor, row.InstanceId, row.CreatedBy, row.SubmittedBy, row.PostedBy, row.PostedAt, hidden, lines);
    }

    public async Task<Outcome<StocktakeReport>> ReportAsync(Caller caller, string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var header = await StocktakeHeader.FindAsync(connection, number);
        if (header is null || !await CanSeeAsync(caller, header.StoreId, cancellationToken))
        {
            return NotFound(number);
        }

        if (HidesSystemQuantity(caller, header.Blind, header.Status))
        {
            return Failure.Forbidden("盲盘进行中，店员不能查看账面数量 (a blind count hides system quantities from clerks until it is submitted)");
        }

        var lines = await StocktakeHeader.VarianceAsync(connection, header.Id);
        var totals = VarianceTotals.Of(lines);
        var storeCode = await connection.ExecuteScalarAsync<string>("select code from store where id = @StoreId", header);
        return new StocktakeReport(header.Number, storeCode!, header.Status,
            lines.Select(l => new ReportLine(l.Sku, l.Name, l.SystemQuantity, l.Counted, l.Difference, l.Value)).ToList(),
            totals.GainValue, totals.LossValue, totals.NetValue, totals.DifferingLines);
    }

    /// <summary>The stocktake an instance opened, if it has opened one yet.</summary>
    public async Task<string?> NumberOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select number from stocktake where instance_id = @instanceId", new { instanceId }, cancellationToken: cancellationToken));
    }

    public static Failure NotFound(string number) => Failure.NotFound($"盘点单 {number} 不存在 (stocktake not found)");

    private static bool HidesSystemQuantity(Caller caller, bool blind, string status) =>
        blind && status == StocktakeStatus.Counting && caller.Role == Role.Clerk;

    private sealed record StocktakeRow
    {
        public long Id { get; init; }

        public string Number { get; init; } = "";

        public string StoreCode { get; init; } = "";

        public int StoreId { get; init; }

        public string Status { get; init; } = "";

        public string ScopeKind { get; init; } = "";

        public int[] ScopeIds { get; init; } = [];

        public bool Blind { get; init; }

        public int Round { get; init; }

        public DateTimeOffset SnapshotAt { get; init; }

        public DateTimeOffset? Deadline { get; init; }

        public int? ScheduleId { get; init; }

        public DateTimeOffset? ScheduledFor { get; init; }

        public Guid? InstanceId { get; init; }

        public string CreatedBy { get; init; } = "";

        public string? SubmittedBy { get; init; }

        public string? PostedBy { get; init; }

        public DateTimeOffset? PostedAt { get; init; }
    }
}
