using StoreStock.Inventory.Access;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>
/// The host with its WeCom simulator and the delivery worker, over stores whose managers get many cards at once:
/// a burst store with <see cref="BurstManagers"/> managers (every approval card goes to each of them) and a store
/// with a single manager, for the per-member rate limit.
/// </summary>
public sealed class BurstApp : WorkflowHostApp
{
    public const int BurstManagers = 25;

    public TestOrg.StoreRow BurstStore { get; private set; } = null!;

    public TestOrg.StoreRow OneManagerStore { get; private set; } = null!;

    public IReadOnlyList<string> Managers { get; private set; } = [];

    public string LoneManager { get; private set; } = "";

    protected override int? DefaultStoreId => BurstStore.Id;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["WeCom:Client:RetryDelay"] = "00:00:00.010",
        ["WeCom:Delivery:PollInterval"] = "00:00:00.100",
        ["WeCom:Delivery:RetryBase"] = "00:00:10",
        ["WeCom:Delivery:RetryCap"] = "00:05:00",
    };

    protected override async Task SeedAsync()
    {
        var region = await Org.RegionAsync();
        BurstStore = await Org.StoreAsync(region);
        OneManagerStore = await Org.StoreAsync(region);
        var managers = new List<string>();
        for (var i = 0; i < BurstManagers; i++)
        {
            managers.Add(await Org.UserAsync(Role.StoreManager, storeId: BurstStore.Id));
        }

        Managers = managers;
        LoneManager = await Org.UserAsync(Role.StoreManager, storeId: OneManagerStore.Id);
        Hq = await Org.UserAsync(Role.HqAdmin);
        await PublishAsync(Definitions.Approval("burst-approve", "store_manager"));
    }
}
