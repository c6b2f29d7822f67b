using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StoreStock.WeComSimulator.Phone;

/// <summary>GET /wecom-sim/: the phones page (plain HTML, CSS and JavaScript embedded in this assembly).</summary>
internal static class PageEndpoints
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal)
    {
        ["index.html"] = (Read("index.html"), "text/html; charset=utf-8"),
        ["phone.css"] = (Read("phone.css"), "text/css; charset=utf-8"),
        ["phone.js"] = (Read("phone.js"), "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void MapPage(this IEndpointRouteBuilder sim)
    {
        sim.MapGet("/", (HttpContext http) => Serve(http, "index.html"));
        sim.MapGet("/phone.css", (HttpContext http) => Serve(http, "phone.css"));
        sim.MapGet("/phone.js", (HttpContext http) => Serve(http, "phone.js"));
    }

    private static IResult Serve(HttpContext http, string name)
    {
        http.Response.Headers.CacheControl = "no-cache";
        var (content, type) = Assets[name];
        return Results.Bytes(content, type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream($"WeComSimulator.Page.{name}")
            ?? throw new InvalidOperationException($"the page asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
