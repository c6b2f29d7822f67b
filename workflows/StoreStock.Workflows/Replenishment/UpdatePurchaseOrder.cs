using StoreStock.Engine.Activities;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// Applies the store manager's lines from the confirm card: listed lines get the entered quantity (0 drops the line),
/// lines not listed keep theirs. Confirmed with the new value, or Cancelled when nothing is left to order.
/// </summary>
[Activity("UpdatePurchaseOrder", WorkflowCategories.Stock, "确认补货单", "Update purchase order", Outcomes = [Confirmed, Cancelled])]
public sealed class UpdatePurchaseOrder : Activity
{
    public const string Confirmed = "Confirmed";
    public const string Cancelled = "Cancelled";

    [Input("确认的商品行", "Lines", Required = true, UiHint = "json", Syntaxes = [Expression.JavaScript])]
    public Input<List<OrderLineInput>> Lines { get; set; } = Input<List<OrderLineInput>>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction, order) = await PurchaseOrderStep.LockAsync(context);
        var confirmed = await ConfirmPurchaseOrder.RunAsync(connection, transaction, order.Id, context.Get(Lines) ?? [], context.Actor.Actor, context.Now, context.CancellationToken);
        if (confirmed.Errors is { } errors)
        {
            throw PurchaseOrderStep.Refused("补货单行无效 (invalid lines)", errors);
        }

        order = confirmed.Value!;
        PurchaseOrderStep.Remember(context, order);
        return ActivityResult.Outcome(order.Status == PurchaseOrderStatus.Cancelled ? Cancelled : Confirmed);
    }
}
