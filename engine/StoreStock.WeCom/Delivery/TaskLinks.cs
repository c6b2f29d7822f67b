using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StoreStock.WeCom.Delivery;

/// <summary>The address a notice card opens for its task: <c>WeCom:TaskUrl</c>, or this host's own address + /tasks/{id}.</summary>
public sealed class TaskLinks(IOptions<DeliveryOptions> options, IServer server)
{
    private const string Placeholder = "{taskId}";

    public string For(Guid taskId)
    {
        var template = options.Value.TaskUrl is { Length: > 0 } configured ? configured : HostAddress() + "/tasks/" + Placeholder;
        return template.Replace(Placeholder, taskId.ToString("D"), StringComparison.Ordinal);
    }

    private string HostAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost";
        // A wildcard binding (http://+:80, http://0.0.0.0:8080) names no host a phone could open.
        return address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
