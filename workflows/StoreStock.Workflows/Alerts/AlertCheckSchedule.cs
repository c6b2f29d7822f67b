using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace StoreStock.Workflows.Alerts;

/// <summary>
/// At start-up, creates or replaces the alert check's job and its repeating trigger (stable keys, so every node
/// starting does the same and nothing is duplicated). A trigger that missed runs (a node down, a clock jump) fires
/// once, not once per missed interval. The trigger computes its fire times on the app's clock, as Quartz does.
/// </summary>
public sealed class AlertCheckSchedule(ISchedulerFactory schedulers, TimeProvider time, IOptions<AlertOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<AlertCheckJob>().WithIdentity(AlertCheckJob.Key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(AlertCheckJob.TriggerKey)
            .ForJob(AlertCheckJob.Key)
            .StartAt(time.GetUtcNow() + options.Value.CheckInterval)
            .WithSimpleSchedule(s => s.WithInterval(options.Value.CheckInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = [trigger] }, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
