using StoreStock.Engine.Activities;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// Posts what the clerk received (the receive card's lines) as purchase receipts at the order's cost. Partial while
/// anything is outstanding, so the definition loops back to the receive card; Complete once everything has arrived.
/// </summary>
[Activity("ReceivePurchaseOrder", WorkflowCategories.Stock, "采购收货", "Receive purchase order", Outcomes = [Complete, Partial])]
public sealed class ReceivePurchaseOrder : Activity
{
    public const string Complete = "Complete";
    public const string Partial = "Partial";

    [Input("收货商品行", "Lines", Required = true, UiHint = "json", Syntaxes = [Expression.JavaScript])]
    public Input<List<OrderLineInput>> Lines { get; set; } = Input<List<OrderLineInput>>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction, order) = await PurchaseOrderStep.LockAsync(context);
        var ct = context.CancellationToken;
        if (order.Status != PurchaseOrderStatus.Received)
        {
            var received = await context.GetRequiredService<ReceivePurchaseOrderGoods>().RunAsync(
                connection, transaction, order.Id, context.Get(Lines) ?? [], context.Actor.Actor, context.Now, ct);
            order = received.Value ?? throw (received.Errors is { } errors
                ? PurchaseOrderStep.Refused("收货行无效 (invalid receipt lines)", errors)
                : PurchaseOrderStep.Refused("不能收货 (cannot receive)", received.Failure!));
        }

        var outstanding = await PurchaseOrderRows.OutstandingAsync(connection, transaction, order.Id, ct);
        context.SetVariable(PurchaseOrderStep.OutstandingLinesVariable, PurchaseOrderStep.Lines(outstanding));
        return ActivityResult.Outcome(order.Status == PurchaseOrderStatus.Received ? Complete : Partial);
    }
}
