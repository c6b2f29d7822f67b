using Quartz;
using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Timers;

/// <summary>Quartz job: resumes the bookmark of one timer. Consuming the timer row makes a repeated or late firing harmless.</summary>
public sealed class FireWorkflowTimerJob(WorkflowRuntime runtime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var timerId = Guid.Parse(context.MergedJobDataMap.GetString(QuartzTimerPlanner.TimerIdKey)!);
        if (await runtime.FireTimerAsync(timerId, cancellationToken) is { } notBefore)
        {
            // Quartz and the engine disagree about the time (a clock moved): try again when the engine says it is due.
            await context.Scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [context.JobDetail] = [QuartzTimerPlanner.TriggerFor(timerId, notBefore)] }, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }
}
