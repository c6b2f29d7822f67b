using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

public sealed record StartStocktakeRequest(string? StoreCode, StocktakeScopeInput? Scope, bool? Blind, string? CountDeadline, string? MissedAfter);

/// <summary>
/// Starts the <c>stocktake</c> workflow: ad hoc by HQ or the store's manager, or for a schedule's firing. The
/// workflow's first step opens the count, so the count and the instance commit together.
/// </summary>
public sealed partial class StocktakeStarter(WorkflowRuntime runtime, InventoryDatabase database, StocktakeQueries queries, ILogger<StocktakeStarter> logger)
{
    public const string DefinitionId = "stocktake";

    public async Task<Outcome<StocktakeView>> StartAdHocAsync(Caller caller, WorkflowActor actor, StartStocktakeRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var countDeadline = request.CountDeadline ?? StocktakeInput.DefaultCountDeadline;
        var missedAfter = request.MissedAfter ?? StocktakeInput.DefaultMissedAfter;
        StocktakeInput.CheckDeadlines(countDeadline, missedAfter, errors);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var storeId = await StocktakeInput.StoreIdAsync(request.StoreCode, errors, connection);
        await StocktakeInput.CheckScopeAsync(request.Scope, errors, connection);
        if (errors.Any)
        {
            return errors;
        }

        if (!StocktakeInput.CanManage(caller, storeId!.Value))
        {
            return Failure.Forbidden("只有总部或本店店长可以发起盘点 (only HQ or the store's manager start a count)");
        }

        var input = Input(request.Scope, request.Blind ?? false, countDeadline, missedAfter);
        var started = await runtime.StartAsync(new StartRequest(DefinitionId, null, storeId, null, input), actor, ct);
        if (!started.Succeeded)
        {
            return started.FailedAs<StocktakeView>();
        }

        var number = await queries.NumberOfInstanceAsync(started.Value!.InstanceId, ct);
        return number is null
            ? Failure.Conflict("盘点流程未能开单 (the stocktake workflow did not open a count)", new { started.Value.InstanceId, started.Value.Incidents })
            : await queries.GetAsync(caller, number, ct);
    }

    /// <summary>Starts the count of one firing of a schedule; a firing that already has its count (or a schedule now off) starts nothing.</summary>
    public async Task<Guid?> StartScheduledAsync(int scheduleId, DateTimeOffset firedFor, CancellationToken ct)
    {
        firedFor = firedFor.ToUniversalTime();
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var schedule = await connection.QuerySingleOrDefaultAsync<ScheduleToStart>(
            """
            select s.store_id as StoreId, s.scope_kind as ScopeKind, s.scope_ids as ScopeIds, s.blind, s.count_deadline as CountDeadline,
                   s.missed_after as MissedAfter,
                   exists (select 1 from stocktake t where t.schedule_id = s.id and t.scheduled_for = @firedFor) as Opened
            from stocktake_schedule s where s.id = @scheduleId and s.enabled and s.deleted_at is null
            """,
            new { scheduleId, firedFor });
        if (schedule is null || schedule.Opened)
        {
            return null;
        }

        var input = Input(new StocktakeScopeInput(schedule.ScopeKind, schedule.ScopeIds), schedule.Blind, schedule.CountDeadline, schedule.MissedAfter);
        input["scheduleId"] = JsonSerializer.SerializeToNode(scheduleId);
        input["scheduledFor"] = JsonSerializer.SerializeToNode(firedFor);
        var started = await runtime.StartAsync(
            new StartRequest(DefinitionId, null, schedule.StoreId, $"stocktake-schedule:{scheduleId}", input), WorkflowActor.System("stocktake-schedule"), ct);
        if (!started.Succeeded)
        {
            LogNotStarted(logger, scheduleId, firedFor, started.Problem());
        }

        return started.Value?.InstanceId;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stocktake schedule {ScheduleId} could not start its count for {FiredFor}: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, int scheduleId, DateTimeOffset firedFor, string reason);

    private static JsonObject Input(StocktakeScopeInput? scope, bool blind, string countDeadline, string missedAfter) =>
        JsonSerializer.SerializeToNode(new { scopeKind = scope?.Kind ?? StocktakeScope.Store, scopeIds = scope?.Ids ?? [], blind, countDeadline, missedAfter })!.AsObject();

    private sealed record ScheduleToStart
    {
        public int StoreId { get; init; }

        public string ScopeKind { get; init; } = "";

        public int[] ScopeIds { get; init; } = [];

        public bool Blind { get; init; }

        public string CountDeadline { get; init; } = "";

        public string MissedAfter { get; init; } = "";

        public bool Opened { get; init; }
    }
}
