using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests;

/// <summary>
/// The workflow host (fast timers, a test clock) seeded with one region with two stores (A, B), another region with store C, and people at every level.
/// </summary>
public class EngineApp : WorkflowHostApp
{
    public TestOrg.StoreRow StoreA { get; private set; } = null!;

    public TestOrg.StoreRow StoreB { get; private set; } = null!;

    public TestOrg.StoreRow StoreC { get; private set; } = null!;

    public string ClerkA { get; private set; } = "";

    public string ManagerA { get; private set; } = "";

    public string ManagerC { get; private set; } = "";

    public string Supervisor { get; private set; } = "";

    public string SupervisorOfC { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        var east = await Org.RegionAsync();
        var south = await Org.RegionAsync();
        StoreA = await Org.StoreAsync(east);
        StoreB = await Org.StoreAsync(east);
        StoreC = await Org.StoreAsync(south);
        ClerkA = await Org.UserAsync(Role.Clerk, storeId: StoreA.Id);
        ManagerA = await Org.UserAsync(Role.StoreManager, storeId: StoreA.Id);
        ManagerC = await Org.UserAsync(Role.StoreManager, storeId: StoreC.Id);
        Supervisor = await Org.UserAsync(Role.RegionalSupervisor, regionId: east);
        SupervisorOfC = await Org.UserAsync(Role.RegionalSupervisor, regionId: south);
        Hq = await Org.UserAsync(Role.HqAdmin);
    }

    protected override int? DefaultStoreId => StoreA.Id;
}
