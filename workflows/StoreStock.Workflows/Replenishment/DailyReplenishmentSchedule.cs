using Microsoft.Extensions.Hosting;
using Quartz;

namespace StoreStock.Workflows.Replenishment;

/// <summary>Puts the daily run into Quartz at start-up under a stable key (replacing, so nodes and restarts agree on one trigger).</summary>
public sealed class DailyReplenishmentSchedule(ISchedulerFactory schedulers, ReplenishmentOptions options) : IHostedService
{
    public static readonly TriggerKey TriggerKey = new("daily-replenishment", "replenishment");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!options.DailyRun)
        {
            await scheduler.DeleteJob(DailyReplenishmentJob.Key, cancellationToken);
            return;
        }

        var job = JobBuilder.Create<DailyReplenishmentJob>().WithIdentity(DailyReplenishmentJob.Key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKey)
            .ForJob(DailyReplenishmentJob.Key)
            // A cron trigger's default misfire policy fires once at once: a node that was down at 06:00 still runs the day.
            .WithCronSchedule(options.DailyCron, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)))
            .Build();
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = [trigger] }, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
