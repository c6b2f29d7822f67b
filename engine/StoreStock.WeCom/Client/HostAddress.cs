using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace StoreStock.WeCom.Client;

/// <summary>
/// This host's own root URL, read from the server once it listens: the embedded simulator is called through it, and
/// the simulator posts its callbacks through it. A wildcard binding (+, *, 0.0.0.0, [::]) is reached over loopback.
/// </summary>
public static class HostAddress
{
    /// <summary>The first listening address (http preferred over https), or null while the server is not listening yet.</summary>
    public static Uri? Of(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return null;
        }

        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();
        return new Uri(Loopback(chosen).TrimEnd('/') + "/");
    }

    private static string Loopback(string address) => address
        .Replace("://+:", "://localhost:", StringComparison.Ordinal)
        .Replace("://*:", "://localhost:", StringComparison.Ordinal)
        .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
        .Replace("://[::]:", "://[::1]:", StringComparison.Ordinal);
}
