using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Callbacks;
using StoreStock.WeCom.Client;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom;

/// <summary>
/// Registers the WeCom client, the outbox delivery and the callback endpoint. The host supplies
/// <see cref="ICardDirectory"/> (store names on cards) and <see cref="IWeComActorResolver"/> (who a WeCom user is).
/// </summary>
public static class WeComModule
{
    public static IServiceCollection AddStoreStockWeCom(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<WeComOptions>().Bind(section);
        services.AddOptions<WeComClientOptions>().Bind(section.GetSection(WeComClientOptions.Section));
        services.AddSingleton<WeComTokenCache>();
        services.AddSingleton<WeComApiAddress>();
        services.AddHttpClient<IWeComClient, WeComClient>(WeComClient.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<WeComClientOptions>>().Value.Timeout);
        AddDelivery(services, section);
        AddCallbacks(services, section);
        return services;
    }

    /// <summary>Maps <c>/wecom/callback</c>.</summary>
    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints) => endpoints.MapWeComCallback();

    // DeliveryPass and CardClickHandler are transient like the typed WeCom client they hold (the HTTP handler behind
    // it rotates): their workers take fresh ones from a scope each round.
    private static void AddDelivery(IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DeliveryOptions>().Bind(section.GetSection(DeliveryOptions.Section));
        services.AddSingleton<TaskLinks>();
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<FailurePolicy>();
        services.AddSingleton<DeliverySettlement>();
        services.AddTransient<DeliveryPass>();
        services.AddSingleton<DeliveryQueries>();
        services.AddHostedService<DeliveryWorker>();
    }

    /// <summary>The receiver, the event table and its processor.</summary>
    private static void AddCallbacks(IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<WeComCallbackOptions>().Bind(section.GetSection(WeComCallbackOptions.Section));
        services.AddSingleton<CallbackSignal>();
        services.AddSingleton<CallbackEventStore>();
        services.AddSingleton<CallbackReceiver>();
        services.AddTransient<CardClickHandler>();
        services.AddHostedService<CallbackProcessor>();
    }
}
