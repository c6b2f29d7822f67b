using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.WeComSimulator.Api;
using StoreStock.WeComSimulator.Control;
using StoreStock.WeComSimulator.Phone;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator;

/// <summary>
/// A stand-in for WeCom on loopback: the server API StoreStock calls (token, send, update card) and a page showing
/// each user's phone, where a button click becomes a real encrypted, signed callback to StoreStock. Always mapped;
/// the WeCom client calls it only while WeCom:BaseUrl is empty.
/// </summary>
public static class WeComSimulatorModule
{
    public const string PathPrefix = "/wecom-sim";

    public static IServiceCollection AddWeComSimulator(this IServiceCollection services)
    {
        services.AddOptions<WeComSimulatorOptions>().BindConfiguration(WeComSimulatorOptions.Section);
        services.AddSingleton<SimulatorState>();
        services.AddSingleton<CallbackSender>();
        services.AddHttpClient(CallbackSender.HttpClientName, http => http.Timeout = CallbackSender.Timeout);
        return services;
    }

    public static IEndpointRouteBuilder MapWeComSimulator(this IEndpointRouteBuilder endpoints)
    {
        var sim = endpoints.MapGroup(PathPrefix).AllowAnonymous().ExcludeFromDescription();
        sim.MapCgiBin();
        sim.MapControl();
        sim.MapPhoneApi();
        sim.MapPage();
        return endpoints;
    }
}
