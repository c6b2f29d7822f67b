namespace StoreStock.Engine.Organisation;

/// <summary>
/// What the engine needs to know about people, answered by the host from the organisation tables: who holds a role
/// within a store or region, and the escalation ladder. The engine itself knows nothing of stores or stock.
/// </summary>
public interface IOrgDirectory
{
    /// <summary>Roles from the lowest to the highest level; escalation climbs one step (store manager → regional supervisor → HQ).</summary>
    IReadOnlyList<string> RoleLadder { get; }

    /// <summary>Active usernames holding the role inside the store (store roles), the region (regional roles), or anywhere (HQ).</summary>
    Task<IReadOnlyList<string>> UsersInRoleAsync(string role, int? storeId, int? regionId, CancellationToken cancellationToken);

    /// <summary>The region of a store, or null when there is no such store.</summary>
    Task<int?> RegionOfStoreAsync(int storeId, CancellationToken cancellationToken);

    /// <summary>The role and scope of a user, for checks such as "may this user be assigned a card of this store".</summary>
    Task<Runtime.WorkflowActor?> FindUserAsync(string username, CancellationToken cancellationToken);
}
