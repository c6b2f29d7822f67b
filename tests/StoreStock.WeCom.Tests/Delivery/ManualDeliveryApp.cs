using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Access;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>
/// The host with its WeCom simulator but no delivery worker of its own: tests run delivery rounds themselves, as
/// separate workers competing over one database, or as a node that dies between sending and settling.
/// </summary>
public sealed class ManualDeliveryApp : WorkflowHostApp
{
    public const int Managers = 10;

    public TestOrg.StoreRow ManyManagersStore { get; private set; } = null!;

    public TestOrg.StoreRow OneManagerStore { get; private set; } = null!;

    public IReadOnlyList<string> StoreManagers { get; private set; } = [];

    public string LoneManager { get; private set; } = "";

    protected override int? DefaultStoreId => ManyManagersStore.Id;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["WeCom:Client:RetryDelay"] = "00:00:00.010",
        ["WeCom:Delivery:Enabled"] = "false",
        ["WeCom:Delivery:BatchSize"] = "10",
    };

    /// <summary>A delivery worker of its own (its own objects; only the database and WeCom are shared).</summary>
    public DeliveryPass NewWorker() => ActivatorUtilities.CreateInstance<DeliveryPass>(Services,
        ActivatorUtilities.CreateInstance<OutboxClaims>(Services), ActivatorUtilities.CreateInstance<DeliverySettlement>(Services));

    protected override async Task SeedAsync()
    {
        var region = await Org.RegionAsync();
        ManyManagersStore = await Org.StoreAsync(region);
        OneManagerStore = await Org.StoreAsync(region);
        var managers = new List<string>();
        for (var i = 0; i < Managers; i++)
        {
            managers.Add(await Org.UserAsync(Role.StoreManager, storeId: ManyManagersStore.Id));
        }

        StoreManagers = managers;
        LoneManager = await Org.UserAsync(Role.StoreManager, storeId: OneManagerStore.Id);
        Hq = await Org.UserAsync(Role.HqAdmin);
        await PublishAsync(Definitions.Approval("manual-approve", "store_manager"));
    }
}
