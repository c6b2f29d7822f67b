using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Timers;

/// <summary>
/// Gives a trigger to every timer that has come within the horizon, and plans again any timer that is overdue yet
/// still there (its trigger lost to a crash). Every node sweeps; planning is idempotent, so that is harmless.
/// </summary>
public sealed partial class TimerSweep(QuartzTimerPlanner planner, EngineDatabase database, TimeProvider clock, IOptions<EngineOptions> options, ILogger<TimerSweep> logger)
    : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimerSweepInterval);
        do
        {
            try
            {
                while (await SweepOnceAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or Quartz.SchedulerException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Plans one batch; returns how many timers it planned.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var due = (await connection.QueryAsync<TimerRow>(new CommandDefinition(
            """
            select id, instance_id, bookmark_id, kind, due_at from wf_timer
            where (not quartz_planned and due_at <= @horizon) or (quartz_planned and due_at <= @overdue)
            order by due_at limit @limit
            """,
            new { horizon = now + options.Value.TimerHorizon, overdue = now - options.Value.TimerSweepInterval - TimeSpan.FromMinutes(1), limit = BatchSize },
            cancellationToken: ct))).Select(r => new TimerRecord(r.Id, r.InstanceId, r.BookmarkId, r.Kind, r.DueAt)).ToList();
        if (due.Count > 0)
        {
            await planner.PlanAsync(due, ct);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow timer sweep failed; it runs again on the next tick.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    private sealed class TimerRow
    {
        public Guid Id { get; init; }
        public Guid InstanceId { get; init; }
        public Guid BookmarkId { get; init; }
        public string Kind { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
    }
}
