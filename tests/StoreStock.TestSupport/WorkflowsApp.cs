using StoreStock.Inventory.Access;

namespace StoreStock.TestSupport;

/// <summary>
/// The host with the shipped workflows over a small chain: region 华东 with stores A and B, region 华南 with store C,
/// a central warehouse, and people at every level (two clerks in store A, so a count can be split).
/// </summary>
public class WorkflowsApp : WorkflowHostApp
{
    public int EastRegion { get; private set; }

    public int SouthRegion { get; private set; }

    public TestOrg.StoreRow StoreA { get; private set; } = null!;

    public TestOrg.StoreRow StoreB { get; private set; } = null!;

    public TestOrg.StoreRow StoreC { get; private set; } = null!;

    public int Warehouse { get; private set; }

    public string ClerkA { get; private set; } = "";

    public string ClerkA2 { get; private set; } = "";

    public string ManagerA { get; private set; } = "";

    public string ClerkB { get; private set; } = "";

    public string ManagerB { get; private set; } = "";

    public string ClerkC { get; private set; } = "";

    public string ManagerC { get; private set; } = "";

    public string EastSupervisor { get; private set; } = "";

    public string SouthSupervisor { get; private set; } = "";

    protected override int? DefaultStoreId => StoreA.Id;

    protected override async Task SeedAsync()
    {
        EastRegion = await Org.RegionAsync();
        SouthRegion = await Org.RegionAsync();
        StoreA = await Org.StoreAsync(EastRegion);
        StoreB = await Org.StoreAsync(EastRegion);
        StoreC = await Org.StoreAsync(SouthRegion);
        Warehouse = await Org.WarehouseAsync();
        ClerkA = await Org.UserAsync(Role.Clerk, storeId: StoreA.Id);
        ClerkA2 = await Org.UserAsync(Role.Clerk, storeId: StoreA.Id);
        ManagerA = await Org.UserAsync(Role.StoreManager, storeId: StoreA.Id);
        ClerkB = await Org.UserAsync(Role.Clerk, storeId: StoreB.Id);
        ManagerB = await Org.UserAsync(Role.StoreManager, storeId: StoreB.Id);
        ClerkC = await Org.UserAsync(Role.Clerk, storeId: StoreC.Id);
        ManagerC = await Org.UserAsync(Role.StoreManager, storeId: StoreC.Id);
        EastSupervisor = await Org.UserAsync(Role.RegionalSupervisor, regionId: EastRegion);
        SouthSupervisor = await Org.UserAsync(Role.RegionalSupervisor, regionId: SouthRegion);
        Hq = await Org.UserAsync(Role.HqAdmin);
    }

    /// <summary>A new product (so tests of one class do not share levels) with opening stock at each given location.</summary>
    public async Task<TestOrg.ProductRow> ProductWithStockAsync(decimal cost, params (int LocationId, decimal Quantity)[] stock)
    {
        var product = await Org.ProductAsync(cost: cost, price: cost * 2);
        foreach (var (locationId, quantity) in stock)
        {
            await OpeningStockAsync(locationId, product.Id, quantity, cost);
        }

        return product;
    }
}
