using Microsoft.Extensions.Logging;
using Quartz;

namespace StoreStock.Workflows.Stocktakes.Scheduling;

/// <summary>
/// A schedule's cron fired: start the count of this firing. The firing's scheduled time is the count's key with the
/// schedule's id, so a firing delivered twice still makes one count.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class StocktakeScheduleJob(StocktakeStarter starter, ILogger<StocktakeScheduleJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var scheduleId = context.MergedJobDataMap.GetInt(StocktakeScheduler.ScheduleIdKey);
        var firedFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var instance = await starter.StartScheduledAsync(scheduleId, firedFor, cancellationToken);
        LogFired(logger, scheduleId, firedFor, instance);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stocktake schedule {ScheduleId} fired for {FiredFor}: instance {InstanceId}")]
    private static partial void LogFired(ILogger logger, int scheduleId, DateTimeOffset firedFor, Guid? instanceId);
}
