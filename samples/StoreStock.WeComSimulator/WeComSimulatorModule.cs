using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.WeComSimulator;

/// <summary>
/// A stand-in for WeCom on loopback: the server API StoreStock calls (token, send, update card) and a page showing
/// each user's phone, where a button click becomes a real encrypted, signed callback to StoreStock.
/// </summary>
public static class WeComSimulatorModule
{
    public const string PathPrefix = "/wecom-sim";

    public static IServiceCollection AddWeComSimulator(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapWeComSimulator(this IEndpointRouteBuilder endpoints) => endpoints;
}
