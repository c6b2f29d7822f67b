using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Timers;

/// <summary>
/// Every due time that comes near becomes a Quartz trigger in the clustered job store, keyed by the timer's id, so
/// planning twice replaces instead of duplicating. Timers further out than the horizon stay rows until the sweep
/// reaches them: most cards are done long before their deadlines and never need a trigger at all.
/// </summary>
public sealed partial class QuartzTimerPlanner(ISchedulerFactory schedulers, EngineDatabase database, TimeProvider clock, IOptions<EngineOptions> options, ILogger<QuartzTimerPlanner> logger)
    : ITimerPlanner
{
    public static readonly JobKey FireJob = new("fire-workflow-timer", "workflow");
    public const string TriggerGroup = "workflow-timers";
    public const string TimerIdKey = "timerId";

    public async Task PlanSoonAsync(IReadOnlyList<TimerRecord> timers, CancellationToken ct)
    {
        var horizon = clock.GetUtcNow() + options.Value.TimerHorizon;
        var soon = timers.Where(t => t.DueAt <= horizon).ToList();
        if (soon.Count == 0)
        {
            return;
        }

        try
        {
            await PlanAsync(soon, ct);
        }
        catch (SchedulerException e)
        {
            // The sweep plans it on its next round; the step itself has committed and stands.
            LogPlanFailed(logger, soon.Count, e);
        }
    }

    /// <summary>Schedules triggers for the timers and marks their rows as planned.</summary>
    public async Task PlanAsync(IReadOnlyList<TimerRecord> timers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<FireWorkflowTimerJob>().WithIdentity(FireJob).StoreDurably().RequestRecovery().Build();
        var triggers = timers.Select(t => TriggerFor(t.Id, t.DueAt)).ToList();
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = triggers }, ScheduleJobOptions.Replacing, ct);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("update wf_timer set quartz_planned = true where id = any(@ids)",
            new { ids = timers.Select(t => t.Id).ToArray() }, cancellationToken: ct));
    }

    /// <summary>A one-shot trigger at the due time that fires as soon as it can however late it is (a timer is never skipped).</summary>
    public static ITrigger TriggerFor(Guid timerId, DateTimeOffset dueAt) =>
        TriggerBuilder.Create()
            .WithIdentity(timerId.ToString(), TriggerGroup)
            .ForJob(FireJob)
            .UsingJobData(TimerIdKey, timerId.ToString())
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
            .Build();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not plan {Count} workflow timers now; the sweep will.")]
    private static partial void LogPlanFailed(ILogger logger, int count, Exception exception);
}
