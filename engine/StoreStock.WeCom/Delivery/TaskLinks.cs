using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Delivery;

/// <summary>The address a notice card opens for its task: <c>WeCom:Delivery:TaskUrl</c>, or this host's own address + tasks/{id}.</summary>
public sealed class TaskLinks(IOptions<DeliveryOptions> options, IServer server)
{
    private const string Placeholder = "{taskId}";

    public string For(Guid taskId)
    {
        var template = options.Value.TaskUrl is { Length: > 0 } configured
            ? configured
            : (HostAddress.Of(server)?.ToString() ?? "http://localhost/") + "tasks/" + Placeholder;
        return template.Replace(Placeholder, taskId.ToString("D"), StringComparison.Ordinal);
    }
}
