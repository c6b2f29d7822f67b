using StoreStock.Engine.Activities;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>The approval chain said yes: the transfer is approved (by whoever gave the last approval) and waits for picking.</summary>
[Activity("ApproveTransfer", WorkflowCategories.Stock, "调拨审批通过", "Approve transfer")]
public sealed class ApproveTransfer : Activity
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        await TransferReservation.ApproveAsync(connection, transaction, context.Instance.Id, context.Actor.Actor, context.Now);
        return ActivityResult.Outcome(Done);
    }
}
