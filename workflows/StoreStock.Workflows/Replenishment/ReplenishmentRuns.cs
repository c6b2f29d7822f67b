using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Replenishment;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// "Run now": HQ for every store (or one), a supervisor for the stores of their region, a manager for their store.
/// Each store starts its own instance, as the daily run does.
/// </summary>
public sealed class ReplenishmentRuns(StoreInScope stores, ReplenishmentStarter starter)
{
    private static readonly string[] MayRun = [Role.HqAdmin, Role.RegionalSupervisor, Role.StoreManager];

    public async Task<Outcome<IReadOnlyList<ReplenishmentStart>>> RunAsync(Caller caller, WorkflowActor actor, string? storeCode, CancellationToken ct)
    {
        if (caller.Role is null || !MayRun.Contains(caller.Role))
        {
            return Failure.Forbidden("只有店长、督导和总部可以发起补货 (only managers, supervisors and HQ start replenishment runs)");
        }

        IReadOnlyList<int> storeIds;
        if (storeCode is null)
        {
            storeIds = await stores.ActiveStoresAsync(caller, ct);
        }
        else
        {
            var store = await stores.ResolveAsync(caller, storeCode, "storeCode", ct);
            if (!store.Succeeded)
            {
                return store.FailedAs<IReadOnlyList<ReplenishmentStart>>();
            }

            storeIds = [store.Value];
        }

        var runs = new List<ReplenishmentStart>();
        foreach (var storeId in storeIds)
        {
            runs.Add(await starter.StartForStoreAsync(storeId, "manual", actor, ct));
        }

        return runs;
    }
}
