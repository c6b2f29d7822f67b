using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StoreStock.Bench;

/// <summary>
/// The real host, in process, on Kestrel at a loopback port. It applies the schema on start, seeds nothing, and
/// logs only warnings so logging does not weigh on the figures. <paramref name="settings"/> adds configuration
/// (e.g. an "Engine" section) on top.
/// </summary>
public sealed class BenchHost(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Starts Kestrel and returns the address it listens on.</summary>
    public Uri Start()
    {
        // The factory finds the host's content root through MvcTestingAppManifest.json in the current directory,
        // which `dotnet run` leaves at the caller's folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:StoreStock", connectionString);
        builder.UseSetting("Samples:SeedWhenEmpty", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFilter(category: null, LogLevel.Warning));
    }
}
