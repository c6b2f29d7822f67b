using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Hosting;

namespace StoreStock.WeCom.Delivery;

/// <summary>
/// Runs delivery rounds on every node: straight on while rounds come back full, otherwise after the poll interval
/// (real time; due times and rate windows are read from the TimeProvider inside each round).
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await lifetime.WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<DeliveryPass>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, e);
            }

            if (claimed < settings.BatchSize)
            {
                await Task.Delay(settings.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom delivery round failed; the next round tries again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
