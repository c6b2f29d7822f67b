using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.Engine.Tests;

/// <summary>
/// The engine host for tests that move the clock by days: sign-in cookies (12 h, sliding, on the same clock) are made
/// to outlast the moves, so the clients a test signed in with before a jump are still signed in after it.
/// </summary>
public sealed class ClockDrivenApp : EngineApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.PostConfigure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(365)));
    }
}
