using Microsoft.Extensions.DependencyInjection;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>
/// Ten managers in one store and no delivery worker of the host's own: tests run delivery rounds themselves, as
/// separate workers competing over one database, or as a node that dies between sending and settling.
/// </summary>
public sealed class ManualDeliveryApp : ManagerStoresApp
{
    protected override int ManagerCount => 10;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["WeCom:Delivery:Enabled"] = "false",
        ["WeCom:Delivery:BatchSize"] = "10",
    };

    /// <summary>A delivery worker of its own (its own objects; only the database and WeCom are shared).</summary>
    public DeliveryPass NewWorker() => ActivatorUtilities.CreateInstance<DeliveryPass>(Services,
        ActivatorUtilities.CreateInstance<OutboxClaims>(Services), ActivatorUtilities.CreateInstance<DeliverySettlement>(Services));
}
