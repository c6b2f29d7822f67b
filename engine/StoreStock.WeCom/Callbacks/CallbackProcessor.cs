using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Hosting;

namespace StoreStock.WeCom.Callbacks;

/// <summary>
/// Handles stored clicks after the endpoint has answered WeCom. Woken by the endpoint, and on a timer for events a
/// wake-up did not reach (stored before a restart, or by another node). Each event is claimed with skip locked, so
/// two nodes never handle the same one, and is marked processed in the transaction that held the claim.
/// </summary>
public sealed partial class CallbackProcessor(
    CallbackEventStore store,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    CallbackSignal signal,
    TimeProvider clock,
    IOptions<WeComCallbackOptions> options,
    ILogger<CallbackProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProcessPendingAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database away, most likely: a failed round must not stop the host; the next wake-up or tick tries again.
                LogSweepFailed(logger, e);
            }

            await signal.WaitAsync(options.Value.SweepInterval, stoppingToken);
        }
    }

    /// <summary>Handles pending events until none is left; an event that throws is counted and left for the next sweep.</summary>
    public async Task ProcessPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clicks = scope.ServiceProvider.GetRequiredService<CardClickHandler>();
        var failedThisRound = new List<long>();
        while (await store.ClaimNextAsync(failedThisRound, ct) is { } claim)
        {
            var id = claim.Id;
            string? error = null;
            await using (claim)
            {
                try
                {
                    var result = await clicks.HandleAsync(claim.Event, ct);
                    await claim.FinishAsync(result, clock.GetUtcNow(), ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    LogEventFailed(logger, id, e);
                    error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                }
            }

            // Counted after the claim's rollback, so the count survives it.
            if (error is not null)
            {
                failedThisRound.Add(id);
                await store.RecordFailureAsync(id, error, options.Value.MaxProcessingAttempts, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback sweep failed; it runs again on the next wake-up or tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom callback event {Id} failed; it is retried on the next sweep")]
    private static partial void LogEventFailed(ILogger logger, long id, Exception exception);
}
