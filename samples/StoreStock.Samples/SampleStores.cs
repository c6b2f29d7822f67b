namespace StoreStock.Samples;

internal sealed record SampleRegionDefinition(string Code, string Name, string WarehouseCode, string WarehouseName);

/// <param name="DemandFactor">How busy the store is compared with an average store (1.0).</param>
/// <param name="DeliveryDay">The weekday the weekly supplier delivery arrives.</param>
/// <param name="SharesPool">Sells from the shared Shenzhen pool (一盘货) instead of its own floor.</param>
internal sealed record SampleStoreDefinition(
    string Code,
    string Name,
    string RegionCode,
    string Address,
    double DemandFactor,
    DayOfWeek DeliveryDay,
    bool SharesPool = false);

/// <summary>The sample chain's regions, stores and warehouses.</summary>
internal static class SampleStores
{
    public const string CentralWarehouseCode = "W001";
    public const string CentralWarehouseName = "中心仓";
    public const string SharedPoolCode = "POOL-SZ";
    public const string SharedPoolName = "深圳一盘货";

    public static readonly SampleRegionDefinition[] Regions =
    [
        new("EAST", "华东区", "W002", "华东区域仓"),
        new("SOUTH", "华南区", "W003", "华南区域仓"),
    ];

    public static readonly SampleStoreDefinition[] All =
    [
        new("S001", "上海徐汇店", "EAST", "上海市徐汇区漕溪北路 88 号", 1.4, DayOfWeek.Monday),
        new("S002", "上海静安店", "EAST", "上海市静安区愚园路 172 号", 1.1, DayOfWeek.Tuesday),
        new("S003", "杭州西湖店", "EAST", "浙江省杭州市西湖区文三路 398 号", 1.0, DayOfWeek.Wednesday),
        new("S004", "南京新街口店", "EAST", "江苏省南京市秦淮区中山南路 79 号", 0.9, DayOfWeek.Thursday),
        new("S005", "广州天河店", "SOUTH", "广东省广州市天河区天河路 383 号", 1.2, DayOfWeek.Monday),
        new("S006", "广州海珠店", "SOUTH", "广东省广州市海珠区江南大道中 182 号", 0.8, DayOfWeek.Wednesday),
        new("S007", "深圳南山店", "SOUTH", "广东省深圳市南山区科苑南路 2666 号", 1.0, DayOfWeek.Friday, SharesPool: true),
        new("S008", "深圳福田店", "SOUTH", "广东省深圳市福田区福华三路 88 号", 0.9, DayOfWeek.Friday, SharesPool: true),
    ];
}
