namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>The card and dead-letter tests share one host: they run one after another (they switch the simulator's outages).</summary>
[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryApp>
{
    public const string Name = "wecom-delivery";
}
