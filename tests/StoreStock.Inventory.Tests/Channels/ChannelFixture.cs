using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Channels;

/// <summary>A host with two stores, three products and one API key per channel family.</summary>
public sealed class ChannelFixture : StoreStockApp
{
    public TestOrg.StoreRow StoreA { get; private set; } = null!;

    public TestOrg.StoreRow StoreB { get; private set; } = null!;

    public string PosKey { get; private set; } = "";

    public string MiniKey { get; private set; } = "";

    public string GroupBuyKey { get; private set; } = "";

    public string PosKeyStoreBOnly { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        var region = await Org.RegionAsync();
        StoreA = await Org.StoreAsync(region);
        StoreB = await Org.StoreAsync(region);
        PosKey = await Org.ApiKeyAsync(["pos"], [StoreA.Id]);
        MiniKey = await Org.ApiKeyAsync(["mini_program"], [StoreA.Id, StoreB.Id]);
        GroupBuyKey = await Org.ApiKeyAsync(["douyin", "meituan", "wechat_groupbuy"], [StoreA.Id]);
        PosKeyStoreBOnly = await Org.ApiKeyAsync(["pos"], [StoreB.Id]);
    }

    /// <summary>A new product with this much opening stock on store A's floor.</summary>
    public async Task<TestOrg.ProductRow> StockedProductAsync(decimal onHand)
    {
        var product = await Org.ProductAsync();
        if (onHand != 0)
        {
            await OpeningStockAsync(StoreA.SellingLocationId, product.Id, onHand);
        }

        return product;
    }
}
