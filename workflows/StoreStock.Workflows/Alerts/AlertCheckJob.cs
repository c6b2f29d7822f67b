using Quartz;

namespace StoreStock.Workflows.Alerts;

/// <summary>
/// The scheduled alert check. The clustered job store fires each trigger on one node only, and a run never overlaps the
/// previous one; the check also takes an advisory lock, so "check now" from the API waits for a running one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertCheckJob(AlertRun run) : IJob
{
    public static readonly JobKey Key = new("stock-alert-check", "stock-alerts");
    public static readonly TriggerKey TriggerKey = new("stock-alert-check", "stock-alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await run.RunAsync(cancellationToken);
}
