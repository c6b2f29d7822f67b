namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>Twenty-five managers in one store (a card to each per approval) and the host's own delivery worker.</summary>
public sealed class BurstApp : ManagerStoresApp
{
    protected override int ManagerCount => 25;
}
