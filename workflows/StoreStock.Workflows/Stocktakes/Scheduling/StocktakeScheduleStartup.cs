using Dapper;
using Microsoft.Extensions.Hosting;
using StoreStock.Inventory.Data;

namespace StoreStock.Workflows.Stocktakes.Scheduling;

/// <summary>At start-up every enabled schedule gets its trigger (a trigger lost or never made is made again).</summary>
public sealed class StocktakeScheduleStartup(InventoryDatabase database, StocktakeScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var schedules = await connection.QueryAsync<ScheduleTiming>(new CommandDefinition(
            "select id, cron, time_zone as TimeZone, enabled from stocktake_schedule where enabled and deleted_at is null order by id",
            cancellationToken: cancellationToken));
        foreach (var schedule in schedules)
        {
            await scheduler.EnsureAsync(schedule, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
