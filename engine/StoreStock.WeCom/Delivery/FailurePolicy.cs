using StoreStock.Engine.Runtime;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Delivery;

/// <summary>
/// What a failed send means for its message: transient and configuration errors come back later with exponential
/// back-off (a frequency block waits out at least its minute), a wrong recipient or request is dead at once, and
/// after the last attempt everything is dead. An unexpected error (a card that cannot be drawn) is retried the same way.
/// </summary>
public sealed class FailurePolicy(IOptions<DeliveryOptions> options)
{
    /// <summary>The shortest window of a 45009 block (wecom.md §9).</summary>
    private static readonly TimeSpan FrequencyBlock = TimeSpan.FromMinutes(1);

    public DeliveryResult Failed(ClaimedMessage message, Exception error, DateTimeOffset now)
    {
        var settings = options.Value;
        // Unreachable may still have reached WeCom (a timeout after it took the message); an answered error did not.
        var (kind, text, reached) = error switch
        {
            WeComApiException api => (api.Kind, api.Message, api.Kind == WeComErrorKind.Unreachable),
            WeComUnreachableException or HttpRequestException or OperationCanceledException =>
                (WeComErrorKind.Unreachable, $"无法连接企业微信 (WeCom unreachable): {error.Message}", true),
            _ => ((WeComErrorKind?)null, $"投递出错 (delivery failed): {error.GetType().Name}: {error.Message}", false),
        };
        if (kind is WeComErrorKind.Recipient or WeComErrorKind.InvalidRequest)
        {
            return Dead(message, text, reached);
        }

        if (message.Attempts >= settings.MaxAttempts)
        {
            return Dead(message, $"已尝试 {message.Attempts} 次 (gave up after {message.Attempts} attempts): {text}", reached);
        }

        var wait = Backoff(message.Attempts, settings);
        if (kind == WeComErrorKind.RateLimited && wait < FrequencyBlock)
        {
            wait = FrequencyBlock;
        }

        return new DeliveryResult(message, OutboxStatus.Pending, now + wait, text, null, reached);
    }

    /// <summary>RetryBase × 2^(attempt − 1), at most RetryCap.</summary>
    public static TimeSpan Backoff(int attempt, DeliveryOptions settings)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(settings.RetryBase.Ticks * factor, settings.RetryCap.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static DeliveryResult Dead(ClaimedMessage message, string error, bool reached) =>
        new(message, OutboxStatus.Dead, null, error, null, reached);
}
