namespace StoreStock.Inventory.Access;

public enum Permission
{
    ReadStock,
    ManageCatalog,
    ManageOrganisation,
    ManageUsers,
    ImportData,
    ReceiveGoods,
    IssueGoods,
    ReturnGoods,
    SubmitWriteOff,
    ApproveWriteOff,
    PostOpeningStock,

    /// <summary>Start workflows, work on task cards, follow instances (inside the scope).</summary>
    RunWorkflows,

    /// <summary>Edit, publish and restore workflow definitions.</summary>
    DesignWorkflows,
}

/// <summary>What each role may do; where it may do it is the caller's scope.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, HashSet<Permission>> ByRole = new(StringComparer.Ordinal)
    {
        [Role.Clerk] = [Permission.ReadStock, Permission.ReceiveGoods, Permission.ReturnGoods, Permission.SubmitWriteOff, Permission.RunWorkflows],
        [Role.StoreManager] = [Permission.ReadStock, Permission.ReceiveGoods, Permission.ReturnGoods, Permission.SubmitWriteOff,
            Permission.ApproveWriteOff, Permission.IssueGoods, Permission.RunWorkflows],
        [Role.RegionalSupervisor] = [Permission.ReadStock, Permission.ReceiveGoods, Permission.ReturnGoods, Permission.SubmitWriteOff,
            Permission.ApproveWriteOff, Permission.IssueGoods, Permission.RunWorkflows],
        [Role.HqAdmin] = [.. Enum.GetValues<Permission>()],
    };

    public static bool Has(string role, Permission permission) =>
        ByRole.TryGetValue(role, out var permissions) && permissions.Contains(permission);
}
