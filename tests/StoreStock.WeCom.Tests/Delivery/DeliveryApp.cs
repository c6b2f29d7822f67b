using System.Globalization;
using StoreStock.Inventory.Access;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>
/// The host with its embedded WeCom simulator and the delivery worker polling every 100 ms, over a small chain:
/// store A (two managers, the first mapped to the WeCom userid <see cref="ManagerAUserId"/>), its clerk, the east supervisor and HQ,
/// and one person whose WeCom userid WeCom refuses.
/// </summary>
public class DeliveryApp : WorkflowHostApp
{
    public const string ManagerAUserId = "ZhangSan";
    public const string BrokenUserId = "no such user!";

    public TestOrg.StoreRow StoreA { get; private set; } = null!;

    public string ClerkA { get; } = "dl.clerk.a";

    public string ManagerA { get; } = "dl.manager.a";

    public string ManagerA2 { get; } = "dl.manager.a2";

    public string EastSupervisor { get; } = "dl.sup.east";

    public string Broken { get; } = "dl.broken";

    protected override int? DefaultStoreId => StoreA.Id;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["WeCom:Client:RetryDelay"] = "00:00:00.010",
        ["WeCom:Delivery:PollInterval"] = "00:00:00.100",
        ["WeCom:Delivery:RetryBase"] = "00:00:10",
        ["WeCom:Delivery:RetryCap"] = "00:05:00",
        [$"WeCom:Users:{ManagerA}"] = ManagerAUserId,
        [$"WeCom:Users:{Broken}"] = BrokenUserId,
    };

    protected override async Task SeedAsync()
    {
        var east = await Org.RegionAsync();
        StoreA = await Org.StoreAsync(east);
        await Org.UserAsync(Role.Clerk, storeId: StoreA.Id, username: ClerkA);
        await Org.UserAsync(Role.StoreManager, storeId: StoreA.Id, username: ManagerA);
        await Org.UserAsync(Role.RegionalSupervisor, regionId: east, username: EastSupervisor);
        await Org.UserAsync(Role.StoreManager, storeId: StoreA.Id, username: ManagerA2);
        await Org.UserAsync(Role.Clerk, storeId: (await Org.StoreAsync(east)).Id, username: Broken);
        Hq = await Org.UserAsync(Role.HqAdmin, username: "dl.hq");
        await PublishAsync(Definitions.Approval("dl-approve", "store_manager"));
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
