namespace StoreStock.Inventory.Tests.Channels;

/// <summary>Channel request bodies.</summary>
public static class Api
{
    public static object Sale(string externalId, string storeCode, params (string Code, decimal Quantity)[] lines) =>
        new { externalId, storeCode, lines = lines.Select(l => new { code = l.Code, quantity = l.Quantity }) };

    public static object Order(string externalId, string storeCode, params (string Code, decimal Quantity)[] lines) =>
        new { externalId, storeCode, lines = lines.Select(l => new { code = l.Code, quantity = l.Quantity }) };

    public static object Voucher(string voucher, string storeCode, params (string Code, decimal Quantity)[] lines) =>
        new { voucher, storeCode, lines = lines.Select(l => new { code = l.Code, quantity = l.Quantity }) };
}
