namespace StoreStock.Samples;

/// <summary>
/// Sign-in names of the sample chain. Every demo user has the same password. Store staff follow the pattern
/// "s001.manager", "s001.clerk", "s001.clerk2" for stores S001–S008.
/// </summary>
public static class DemoUsers
{
    public const string Password = "demo123";

    public const string Admin = "admin";
    public const string EastSupervisor = "east.sup";
    public const string SouthSupervisor = "south.sup";

    public static string StoreManager(string storeCode) => storeCode.ToLowerInvariant() + ".manager";

    public static string Clerk(string storeCode) => storeCode.ToLowerInvariant() + ".clerk";

    public static string SecondClerk(string storeCode) => storeCode.ToLowerInvariant() + ".clerk2";
}
