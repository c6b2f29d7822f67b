using Microsoft.Extensions.Logging;
using Quartz;
using StoreStock.Inventory.Replenishment;

namespace StoreStock.Workflows.Replenishment;

/// <summary>The daily run: one replenishment per active store; a store that already ran today is skipped.</summary>
[DisallowConcurrentExecution]
public sealed partial class DailyReplenishmentJob(ReplenishmentStarter starter, StoreInScope stores, ReplenishmentOptions options, TimeProvider clock, ILogger<DailyReplenishmentJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-replenishment", "replenishment");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = 0;
        foreach (var storeId in await stores.ActiveStoresAsync(null, cancellationToken))
        {
            if ((await starter.StartForStoreAsync(storeId, "daily", cancellationToken)).InstanceId is not null)
            {
                started++;
            }
        }

        LogRun(logger, started);
        await context.Scheduler.RescheduleJob(DailyReplenishmentSchedule.TriggerKey, DailyReplenishmentSchedule.NextTrigger(options, clock.GetUtcNow()), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily replenishment started {Count} runs.")]
    private static partial void LogRun(ILogger logger, int count);
}
