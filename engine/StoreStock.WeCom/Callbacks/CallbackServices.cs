using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.WeCom.Callbacks;

public static class CallbackServices
{
    /// <summary>The receiver, the event table and its processor. The host supplies <see cref="IWeComActorResolver"/>.</summary>
    public static IServiceCollection AddWeComCallbacks(this IServiceCollection services, IConfiguration weComSection)
    {
        services.AddOptions<WeComCallbackOptions>().Bind(weComSection.GetSection(WeComCallbackOptions.Section));
        services.AddSingleton<CallbackSignal>();
        services.AddSingleton<CallbackEventStore>();
        services.AddSingleton<CallbackReceiver>();
        // Transient like the typed WeCom HttpClient it holds; the processor takes a fresh one for each round.
        services.AddTransient<CardClickHandler>();
        services.AddHostedService<CallbackProcessor>();
        return services;
    }
}
