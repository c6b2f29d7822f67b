using StoreStock.Inventory.Access;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>
/// The host with its WeCom simulator over two stores of one region: one with <see cref="ManagerCount"/> managers
/// (every approval card goes to each of them) and one with a single manager; <see cref="ApprovalId"/> is published.
/// Delivery polls every 100 ms and retries after 10 s, doubling up to 5 min.
/// </summary>
public abstract class ManagerStoresApp : WorkflowHostApp
{
    public const string ApprovalId = "managers-approve";

    public TestOrg.StoreRow ManyManagersStore { get; private set; } = null!;

    public TestOrg.StoreRow OneManagerStore { get; private set; } = null!;

    public IReadOnlyList<string> Managers { get; private set; } = [];

    public string LoneManager { get; private set; } = "";

    protected abstract int ManagerCount { get; }

    protected override int? DefaultStoreId => ManyManagersStore.Id;

    protected override IDictionary<string, string?> Settings => WithDeliverySettings(base.Settings);

    /// <summary>The simulator's fast settings, and the retry waits the delivery tests count on.</summary>
    public static Dictionary<string, string?> WithDeliverySettings(IDictionary<string, string?> settings) => new(SimulatorApi.Settings(settings))
    {
        ["WeCom:Delivery:RetryBase"] = "00:00:10",
        ["WeCom:Delivery:RetryCap"] = "00:05:00",
    };

    protected override async Task SeedAsync()
    {
        var region = await Org.RegionAsync();
        ManyManagersStore = await Org.StoreAsync(region);
        OneManagerStore = await Org.StoreAsync(region);
        var managers = new List<string>();
        for (var i = 0; i < ManagerCount; i++)
        {
            managers.Add(await Org.UserAsync(Role.StoreManager, storeId: ManyManagersStore.Id));
        }

        Managers = managers;
        LoneManager = await Org.UserAsync(Role.StoreManager, storeId: OneManagerStore.Id);
        Hq = await Org.UserAsync(Role.HqAdmin);
        await PublishAsync(Definitions.Approval(ApprovalId, "store_manager"));
    }
}
