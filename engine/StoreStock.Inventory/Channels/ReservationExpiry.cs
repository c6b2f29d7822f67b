using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StoreStock.Inventory.Channels;

/// <summary>Releases online reservations whose time is up, checking every 30 seconds of the <see cref="TimeProvider"/>.</summary>
public sealed partial class ReservationExpiry(OnlineOrders orders, TimeProvider time, ILogger<ReservationExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await orders.ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (Npgsql.NpgsqlException e)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} expired online reservations")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation expiry check failed; will retry")]
    private partial void LogFailed(Exception exception);
}
