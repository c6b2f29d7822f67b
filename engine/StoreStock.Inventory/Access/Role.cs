namespace StoreStock.Inventory.Access;

public static class Role
{
    public const string HqAdmin = "hq_admin";                       // 总部管理员
    public const string RegionalSupervisor = "regional_supervisor"; // 区域督导
    public const string StoreManager = "store_manager";             // 店长
    public const string Clerk = "clerk";                            // 店员

    public static readonly string[] All = [HqAdmin, RegionalSupervisor, StoreManager, Clerk];
}
