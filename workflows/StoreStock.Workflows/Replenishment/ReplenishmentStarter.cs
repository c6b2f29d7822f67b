using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Replenishment;

namespace StoreStock.Workflows.Replenishment;

/// <summary>A store's replenishment start: the instance, or why none was started.</summary>
public sealed record ReplenishmentStart(int StoreId, Guid? InstanceId, string? Skipped);

/// <summary>
/// Starts the <c>replenishment</c> workflow for a store, unless one is still open for it or today's purchase order
/// already exists. The daily job, the run-now endpoint and the low-stock alert all come through here.
/// </summary>
public sealed class ReplenishmentStarter(WorkflowRuntime runtime, NpgsqlDataSource dataSource, ReplenishmentPlanner planner)
{
    public const string OpenRun = "该门店已有进行中的补货流程 (a replenishment is already open for the store)";
    public const string RanToday = "该门店今天已生成补货单 (the store already has today's purchase order)";

    /// <param name="trigger">Why it starts: daily, manual, low_stock; kept on the purchase order.</param>
    public Task<ReplenishmentStart> StartForStoreAsync(int storeId, string trigger, CancellationToken cancellationToken) =>
        StartForStoreAsync(storeId, trigger, WorkflowActor.System("replenishment"), cancellationToken);

    public async Task<ReplenishmentStart> StartForStoreAsync(int storeId, string trigger, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var day = planner.Today();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var (open, ranToday) = await connection.QuerySingleAsync<(bool, bool)>(new CommandDefinition(
                """
                select exists (select 1 from wf_instance where definition_id = @definitionId and store_id = @storeId
                               and status in ('running', 'suspended', 'faulted')),
                       exists (select 1 from purchase_order where store_id = @storeId and run_day = @day::date)
                """,
                new { definitionId = ReplenishmentOptions.DefinitionId, storeId, day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
            if (open || ranToday)
            {
                return new ReplenishmentStart(storeId, null, open ? OpenRun : RanToday);
            }
        }

        var started = await runtime.StartAsync(
            new StartRequest(ReplenishmentOptions.DefinitionId, null, storeId, $"replenishment:{storeId}:{day:yyyy-MM-dd}", new JsonObject { ["trigger"] = trigger }),
            actor, cancellationToken);
        return started.Value is { } step
            ? new ReplenishmentStart(storeId, step.InstanceId, null)
            : new ReplenishmentStart(storeId, null, started.Problem());
    }
}
