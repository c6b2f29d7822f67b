using Dapper;
using Npgsql;
using Quartz;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

namespace StoreStock.Workflows.Stocktakes.Scheduling;

public sealed record ScheduleRequest(
    string? StoreCode, string? Name, string? Cron, StocktakeScopeInput? Scope, bool? Blind, string? CountDeadline, string? MissedAfter, bool? Enabled);

public sealed record ScheduleView(
    int Id, string StoreCode, string Name, string Cron, string TimeZone, string ScopeKind, int[] ScopeIds, bool Blind,
    string CountDeadline, string MissedAfter, bool Enabled, int ConsecutiveMissed, DateTimeOffset? NextFireAt);

/// <summary>
/// Per-store stocktake schedules 盘点计划 (Quartz cron in China time, e.g. <c>0 0 22 ? * SUN</c> for a weekly full
/// count). HQ manages every store's, a store manager their own store's; each change is carried over to Quartz.
/// </summary>
public sealed class StocktakeSchedules(InventoryDatabase database, StocktakeScheduler scheduler, ISchedulerFactory schedulers, TimeProvider time)
{
    public const string TimeZone = "Asia/Shanghai";

    private const string NotYours = "只有总部或本店店长可以设置盘点计划 (only HQ or the store's manager manage its schedules)";

    private const string Select = """
        select s.id, st.code as StoreCode, s.name, s.cron, s.time_zone as TimeZone, s.scope_kind as ScopeKind, s.scope_ids as ScopeIds, s.blind,
               s.count_deadline as CountDeadline, s.missed_after as MissedAfter, s.enabled, s.consecutive_missed as ConsecutiveMissed,
               s.store_id as StoreId
        from stocktake_schedule s join store st on st.id = s.store_id
        where s.deleted_at is null
        """;

    public async Task<IReadOnlyList<ScheduleView>> ListAsync(Caller caller, string? store, CancellationToken ct)
    {
        var (storeScope, scopeParameters) = ScopeGuard.StoreFilter(caller, "s.store_id");
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new { store });
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(
            $"{Select} and {storeScope} and (@store::text is null or st.code = @store) order by s.id", parameters, cancellationToken: ct));
        var views = new List<ScheduleView>();
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, ct));
        }

        return views;
    }

    public async Task<Outcome<ScheduleView>> CreateAsync(Caller caller, ScheduleRequest request, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var errors = new FieldErrors();
        var storeId = await StocktakeInput.StoreIdAsync(request.StoreCode, errors, connection);

        var row = new ScheduleRow
        {
            StoreCode = request.StoreCode ?? "",
            Name = request.Name ?? "",
            Cron = request.Cron ?? "",
            TimeZone = TimeZone,
            ScopeKind = request.Scope?.Kind ?? "store",
            ScopeIds = [.. request.Scope?.Ids ?? []],
            Blind = request.Blind ?? false,
            CountDeadline = request.CountDeadline ?? StocktakeInput.DefaultCountDeadline,
            MissedAfter = request.MissedAfter ?? StocktakeInput.DefaultMissedAfter,
            Enabled = request.Enabled ?? true,
            StoreId = storeId ?? 0,
        };
        await ValidateAsync(row, errors, connection);
        if (errors.Any)
        {
            return errors;
        }

        if (!StocktakeInput.CanManage(caller, row.StoreId))
        {
            return Failure.Forbidden(NotYours);
        }

        var now = time.GetUtcNow();
        var id = await connection.ExecuteScalarAsync<int>(
            """
            insert into stocktake_schedule (store_id, name, cron, time_zone, scope_kind, scope_ids, blind, count_deadline, missed_after, enabled,
                                            created_by, created_at, updated_at)
            values (@StoreId, @Name, @Cron, @TimeZone, @ScopeKind, @ScopeIds, @Blind, @CountDeadline, @MissedAfter, @Enabled, @actor, @now, @now)
            returning id
            """,
            new { row.StoreId, row.Name, row.Cron, row.TimeZone, row.ScopeKind, row.ScopeIds, row.Blind, row.CountDeadline, row.MissedAfter, row.Enabled, actor = caller.Actor, now });
        var saved = row with { Id = id };
        await scheduler.SyncAsync(saved.Timing, ct);
        return await ViewAsync(saved, ct);
    }

    /// <summary>Changes the fields given; the rest stay. A schedule stays with its store.</summary>
    public async Task<Outcome<ScheduleView>> UpdateAsync(Caller caller, int id, ScheduleRequest request, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var found = await FindAsync(caller, id, connection, ct);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var current = found.Value!;
        var errors = new FieldErrors();
        if (request.StoreCode is not null && request.StoreCode != current.StoreCode)
        {
            errors.Add("storeCode", "盘点计划不能改到别的门店 (a schedule stays with its store)");
        }

        var row = current with
        {
            Name = request.Name ?? current.Name,
            Cron = request.Cron ?? current.Cron,
            ScopeKind = request.Scope is null ? current.ScopeKind : request.Scope.Kind ?? "store",
            ScopeIds = request.Scope is null ? current.ScopeIds : [.. request.Scope.Ids ?? []],
            Blind = request.Blind ?? current.Blind,
            CountDeadline = request.CountDeadline ?? current.CountDeadline,
            MissedAfter = request.MissedAfter ?? current.MissedAfter,
            Enabled = request.Enabled ?? current.Enabled,
        };
        await ValidateAsync(row, errors, connection);
        if (errors.Any)
        {
            return errors;
        }

        await connection.ExecuteAsync(
            """
            update stocktake_schedule set name = @Name, cron = @Cron, scope_kind = @ScopeKind, scope_ids = @ScopeIds, blind = @Blind,
                   count_deadline = @CountDeadline, missed_after = @MissedAfter, enabled = @Enabled, updated_at = @now
            where id = @Id
            """,
            new { row.Id, row.Name, row.Cron, row.ScopeKind, row.ScopeIds, row.Blind, row.CountDeadline, row.MissedAfter, row.Enabled, now = time.GetUtcNow() });
        await scheduler.SyncAsync(row.Timing, ct);
        return await ViewAsync(row, ct);
    }

    /// <summary>Removes the schedule: it never fires again; its row stays for the counts it made.</summary>
    public async Task<Outcome<ScheduleView>> DeleteAsync(Caller caller, int id, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var found = await FindAsync(caller, id, connection, ct);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var row = found.Value! with { Enabled = false };
        await connection.ExecuteAsync("update stocktake_schedule set enabled = false, deleted_at = @now, updated_at = @now where id = @Id",
            new { row.Id, now = time.GetUtcNow() });
        await scheduler.SyncAsync(row.Timing, ct);
        return await ViewAsync(row, ct);
    }

    private static async Task<Outcome<ScheduleRow>> FindAsync(Caller caller, int id, NpgsqlConnection connection, CancellationToken ct)
    {
        var (storeScope, scopeParameters) = ScopeGuard.StoreFilter(caller, "s.store_id");
        var parameters = new DynamicParameters(scopeParameters);
        parameters.Add("id", id);
        var row = await connection.QuerySingleOrDefaultAsync<ScheduleRow>(new CommandDefinition($"{Select} and s.id = @id and {storeScope}", parameters, cancellationToken: ct));
        if (row is null)
        {
            return Failure.NotFound($"盘点计划 {id} 不存在 (schedule not found)");
        }

        return StocktakeInput.CanManage(caller, row.StoreId) ? row : Failure.Forbidden(NotYours);
    }

    private async Task ValidateAsync(ScheduleRow row, FieldErrors errors, NpgsqlConnection connection)
    {
        if (string.IsNullOrWhiteSpace(row.Name) || row.Name.Length > 100)
        {
            errors.Add("name", "需要 1–100 个字符 (needs 1–100 characters)");
        }

        var now = time.GetUtcNow();

        if (!CronExpression.TryParse(row.Cron, out var cron))
        {
            errors.Add("cron", $"不是有效的 Quartz cron 表达式，如 0 0 22 ? * SUN ('{row.Cron}' is not a Quartz cron expression)");
        }
        else if (cron.GetNextValidTimeAfter(now) is null)
        {
            errors.Add("cron", "以后不会再触发 (never fires again)");
        }

        StocktakeInput.CheckDeadlines(row.CountDeadline, row.MissedAfter, errors);
        await StocktakeInput.CheckScopeAsync(new StocktakeScopeInput(row.ScopeKind, row.ScopeIds), errors, connection);
    }

    private async Task<ScheduleView> ViewAsync(ScheduleRow row, CancellationToken ct)
    {
        var trigger = row.Enabled ? await (await schedulers.GetScheduler(ct)).GetTrigger(StocktakeScheduler.TriggerKeyOf(row.Id), ct) : null;
        return new ScheduleView(row.Id, row.StoreCode, row.Name, row.Cron, row.TimeZone, row.ScopeKind, row.ScopeIds, row.Blind,
            row.CountDeadline, row.MissedAfter, row.Enabled, row.ConsecutiveMissed, trigger?.NextFireTimeUtc);
    }

    private sealed record ScheduleRow
    {
        public int Id { get; init; }

        public string StoreCode { get; init; } = "";

        public string Name { get; init; } = "";

        public string Cron { get; init; } = "";

        public string TimeZone { get; init; } = "";

        public string ScopeKind { get; init; } = "";

        public int[] ScopeIds { get; init; } = [];

        public bool Blind { get; init; }

        public string CountDeadline { get; init; } = "";

        public string MissedAfter { get; init; } = "";

        public bool Enabled { get; init; }

        public int ConsecutiveMissed { get; init; }

        public int StoreId { get; init; }

        public ScheduleTiming Timing => new(Id, Cron, TimeZone, Enabled);
    }
}
