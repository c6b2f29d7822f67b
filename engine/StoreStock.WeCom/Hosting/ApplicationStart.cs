using Microsoft.Extensions.Hosting;

namespace StoreStock.WeCom.Hosting;

/// <summary>
/// Background services start before the host listens. Work that calls WeCom waits for the host to have started:
/// with the embedded simulator, WeCom is this host, and a call made earlier is refused and counted as a failed attempt.
/// </summary>
public static class ApplicationStart
{
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
