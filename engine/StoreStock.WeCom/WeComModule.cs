using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Callbacks;
using StoreStock.WeCom.Client;

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
        services.AddWeComCallbacks(section);
        return services;
    }

    /// <summary>Maps <c>/wecom/callback</c> and the HQ delivery list.</summary>
    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints) => endpoints.MapWeComCallback();
}
