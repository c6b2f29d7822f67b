using Quartz;

namespace StoreStock.Workflows.Stocktakes.Scheduling;

/// <summary>
/// Keeps Quartz in step with the schedule rows: an enabled schedule has one cron trigger (in its time zone) on a job
/// keyed by the schedule's id, in the clustered job store, so one node fires each firing; a disabled one has none.
/// </summary>
public sealed class StocktakeScheduler(ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string Group = "stocktake-schedules";
    public const string ScheduleIdKey = "scheduleId";

    public static JobKey JobKeyOf(int scheduleId) => new($"stocktake-schedule-{scheduleId}", Group);

    public static TriggerKey TriggerKeyOf(int scheduleId) => new($"stocktake-schedule-{scheduleId}", Group);

    /// <summary>Creates or replaces the schedule's trigger, or removes it when the schedule is off.</summary>
    public async Task SyncAsync(ScheduleTiming schedule, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (!schedule.Enabled)
        {
            await DeleteAsync(scheduler, JobKeyOf(schedule.Id), ct);
            return;
        }

        var job = JobBuilder.Create<StocktakeScheduleJob>()
            .WithIdentity(JobKeyOf(schedule.Id))
            .UsingJobData(ScheduleIdKey, schedule.Id)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(TriggerKeyOf(schedule.Id))
            .ForJob(job)
            .StartAt(clock.GetUtcNow())
            // A firing missed while no node ran is made up once, not skipped and not repeated.
            .WithCronSchedule(schedule.Cron, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>A trigger that has just fired for the last time goes away on its own, and may be doing so right now: try again.</summary>
    private static async Task DeleteAsync(IScheduler scheduler, JobKey key, CancellationToken ct)
    {
        for (var attempt = 1; await scheduler.Exists(key, ct); attempt++)
        {
            try
            {
                await scheduler.DeleteJob(key, ct);
            }
            catch (SchedulerException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    /// <summary>At start-up: adds the trigger when it is missing or says something else; an up-to-date trigger keeps its next firing.</summary>
    public async Task EnsureAsync(ScheduleTiming schedule, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (await scheduler.GetTrigger(TriggerKeyOf(schedule.Id), ct) is ICronTrigger existing
            && existing.CronExpressionString == schedule.Cron && existing.TimeZone.Id == schedule.TimeZone)
        {
            return;
        }

        await SyncAsync(schedule, ct);
    }
}

/// <summary>What Quartz needs of a schedule row.</summary>
public sealed record ScheduleTiming(int Id, string Cron, string TimeZone, bool Enabled);
