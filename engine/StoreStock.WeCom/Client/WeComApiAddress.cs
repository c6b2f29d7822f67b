using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace StoreStock.WeCom.Client;

/// <summary>
/// The API root the client calls: WeCom:BaseUrl, or when that is empty the embedded simulator at this host's own
/// address + /wecom-sim. The host's address is only known once it listens, so it is read at the first call.
/// </summary>
public sealed class WeComApiAddress(IOptions<WeComOptions> options, IServer server)
{
    public const string SimulatorPath = "wecom-sim/";

    private Uri? _resolved;

    /// <summary>The root, ending in '/'; <see cref="WeComUnreachableException"/> while the host is not listening yet.</summary>
    public Uri Root => _resolved ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            return new Uri(options.Value.BaseUrl.TrimEnd('/') + "/");
        }

        var self = HostAddress.Of(server) ?? throw new WeComUnreachableException("内置企业微信模拟器尚未就绪：主机还未开始监听 (the embedded WeCom simulator is not reachable yet: the host is not listening)");
        return new Uri(self, SimulatorPath);
    }
}
