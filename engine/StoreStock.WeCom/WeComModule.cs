using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Callbacks;
using StoreStock.WeCom.Client;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom;

/// <summary>Registers the WeCom client, the outbox delivery and the callback endpoint.</summary>
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
        services.AddWeComCallbacks(section);
        return services;
    }

    /// <summary>Maps <c>/wecom/callback</c> and the HQ delivery list.</summary>
    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints) => endpoints.MapWeComCallback();

    private static void AddDelivery(IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DeliveryOptions>().Bind(section.GetSection(DeliveryOptions.Section))
            .PostConfigure(o => o.TaskUrl ??= section["TaskUrl"]);
        services.TryAddSingleton<ICardDirectory, NoCardDirectory>();
        services.AddSingleton<TaskLinks>();
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<FailurePolicy>();
        services.AddSingleton<DeliverySettlement>();
        // Transient: each round gets a fresh typed WeCom client (the HTTP handler behind it rotates).
        services.AddTransient<DeliveryPass>();
        services.AddSingleton<DeliveryQueries>();
        services.AddHostedService<DeliveryWorker>();
    }
}
