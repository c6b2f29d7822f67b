using StoreStock.Engine.Activities;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// Sends the confirmed (or HQ-approved) order to the supplier: status ordered, and the lines the receive card may list
/// become the outstanding ones. Sending an order already sent changes nothing.
/// </summary>
[Activity("SendPurchaseOrder", WorkflowCategories.Stock, "下达采购单", "Send purchase order")]
public sealed class SendPurchaseOrder : Activity
{
    [Input("审批人", "Approved by", Syntaxes = [Expression.JavaScript])]
    public Input<string> ApprovedBy { get; set; } = Input<string>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction, order) = await PurchaseOrderStep.LockAsync(context);
        var ct = context.CancellationToken;
        if (!PurchaseOrderStatus.Receivable.Contains(order.Status) && order.Status != PurchaseOrderStatus.Received
            && !await PurchaseOrderRows.MoveAsync(connection, transaction, order.Id, [PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.Approved],
                PurchaseOrderStatus.Ordered, context.Now, ct, approvedBy: context.Get(ApprovedBy)))
        {
            throw new ActivityInputException($"采购单 {order.Number} 状态为 {order.Status}，不能下达 (the purchase order cannot be sent)");
        }

        context.SetVariable(PurchaseOrderStep.OutstandingLinesVariable,
            PurchaseOrderStep.Lines(await PurchaseOrderRows.OutstandingAsync(connection, transaction, order.Id, ct)));
        return ActivityResult.Outcome(Done);
    }
}
