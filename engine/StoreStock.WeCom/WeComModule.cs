using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom;

/// <summary>Registers the WeCom client, the outbox delivery and the callback endpoint.</summary>
public static class WeComModule
{
    public static IServiceCollection AddStoreStockWeCom(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<WeComOptions>().Bind(section);
        AddDelivery(services, section);
        return services;
    }

    /// <summary>Maps <c>/wecom/callback</c> and the HQ delivery list.</summary>
    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints) => endpoints;

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
        services.AddSingleton<DeliveryPass>();
        services.AddSingleton<DeliveryQueries>();
        services.AddHostedService<DeliveryWorker>();
    }
}
