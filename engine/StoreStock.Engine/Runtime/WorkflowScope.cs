using StoreStock.Engine.Organisation;

namespace StoreStock.Engine.Runtime;

/// <summary>Invariant 8 for workflows: HQ sees everything, a supervisor their region, store staff their store.</summary>
public static class WorkflowScope
{
    public static bool IsHq(WorkflowActor actor, IOrgDirectory org) => actor.Role is { } role && role == org.RoleLadder[^1];

    public static bool IsSystem(WorkflowActor actor) => actor.Role is null && actor.Username is null;

    public static bool CanSee(WorkflowActor actor, IOrgDirectory org, int? storeId, int? regionId) =>
        IsSystem(actor) || IsHq(actor, org)
        || (actor.StoreId is { } store && store == storeId)
        || (actor.RegionId is { } region && region == regionId);

    /// <summary>SQL condition over columns store_id and region_id, with parameters @scopeStore and @scopeRegion.</summary>
    public static (string Sql, int? Store, int? Region) Filter(WorkflowActor actor, IOrgDirectory org) =>
        IsSystem(actor) || IsHq(actor, org)
            ? ("true", null, null)
            : actor.StoreId is { } store ? ("store_id = @scopeStore", store, null)
            : actor.RegionId is { } region ? ("region_id = @scopeRegion", null, region)
            : ("false", null, null);
}
