namespace StoreStock.Inventory.Access;

/// <summary>
/// Who is calling: a signed-in person (role + scope) or an integration's API key (bound to channels and stores).
/// <see cref="Actor"/> is what every write records.
/// </summary>
public sealed record Caller(
    string Actor,
    string? Role,
    int? RegionId,
    int? StoreId,
    IReadOnlyList<string> Channels,
    IReadOnlyList<int> ApiKeyStoreIds)
{
    public bool IsApiKey => Role is null;

    public bool IsHq => Role == Access.Role.HqAdmin;

    public bool Can(Permission permission) => Role is not null && RolePermissions.Has(Role, permission);

    public static Caller ForUser(string username, string role, int? regionId, int? storeId) =>
        new($"user:{username}", role, regionId, storeId, [], []);

    public static Caller ForApiKey(string name, IReadOnlyList<string> channels, IReadOnlyList<int> storeIds) =>
        new($"apikey:{name}", null, null, null, channels, storeIds);
}
