using Microsoft.Extensions.Hosting;
using Quartz;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// Puts the daily run into Quartz at start-up under a stable key (replacing, so nodes and restarts agree on one
/// trigger). The trigger is one-shot at the next time the cron names, worked out on the app's clock, and the job plans
/// the following one when it runs: like the engine's timers, it then fires when the app's clock (a test's too) gets there.
/// </summary>
public sealed class DailyReplenishmentSchedule(ISchedulerFactory schedulers, ReplenishmentOptions options, TimeProvider clock) : IHostedService
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
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = [NextTrigger(options, clock.GetUtcNow())] },
            ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The run after the moment, as a trigger that fires however late it is (a day is never skipped).</summary>
    public static ITrigger NextTrigger(ReplenishmentOptions options, DateTimeOffset after)
    {
        var cron = new CronExpression(options.DailyCron, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
        var next = cron.GetNextValidTimeAfter(after) ?? throw new InvalidOperationException($"The cron '{options.DailyCron}' never fires.");
        return TriggerBuilder.Create()
            .WithIdentity(TriggerKey)
            .ForJob(DailyReplenishmentJob.Key)
            .StartAt(next)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
            .Build();
    }
}
