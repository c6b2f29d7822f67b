using System.Net;

namespace StoreStock.Bench;

/// <summary>The HTTP client the load runs through: one connection per concurrent client, no cookies kept, no redirects.</summary>
public static class LoadClient
{
    public static HttpClient Create(Uri address, int clients)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }
}
