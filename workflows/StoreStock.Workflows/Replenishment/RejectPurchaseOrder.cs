using StoreStock.Engine.Activities;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Workflows.Replenishment;

/// <summary>HQ said no: the order is rejected and nothing is ordered. Already rejected changes nothing.</summary>
[Activity("RejectPurchaseOrder", WorkflowCategories.Stock, "驳回采购单", "Reject purchase order")]
public sealed class RejectPurchaseOrder : Activity
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction, order) = await PurchaseOrderStep.LockAsync(context);
        if (order.Status != PurchaseOrderStatus.Rejected
            && !await PurchaseOrderRows.MoveAsync(connection, transaction, order.Id, [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Confirmed],
                PurchaseOrderStatus.Rejected, context.Now, context.CancellationToken))
        {
            throw new ActivityInputException($"采购单 {order.Number} 状态为 {order.Status}，不能驳回 (the purchase order cannot be rejected)");
        }

        return ActivityResult.Outcome(Done);
    }
}
