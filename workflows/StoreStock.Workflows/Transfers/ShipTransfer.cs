using StoreStock.Engine.Activities;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>
/// Ships the picked quantities (at most those requested) out of the source into transit to the destination and
/// releases the unshipped rest. Sets shippedLines ([{ productId, quantity }], the receipt card's lines). Leaves by
/// NothingShipped when every quantity was 0: the transfer is then cancelled with its reservation released.
/// </summary>
[Activity("ShipTransfer", WorkflowCategories.Stock, "调拨发货", "Ship transfer", Outcomes = [Shipped, NothingShipped])]
public sealed class ShipTransfer : Activity
{
    public const string Shipped = "Shipped";
    public const string NothingShipped = "NothingShipped";

    [Input("发货明细", "Shipped lines", Required = true, UiHint = "code", Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<List<TransferQuantity>> Lines { get; set; } = Input<List<TransferQuantity>>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var shipped = TransferActivity.ValueOrFault(await context.GetRequiredService<TransferShipping>().ShipAsync(
            connection, transaction, context.Instance.Id, context.Get(Lines) ?? [], context.Actor.Actor, context.Now), "发货", "shipment");
        context.SetVariable("shippedLines", TransferActivity.Lines(shipped));
        return ActivityResult.Outcome(shipped.Count > 0 ? Shipped : NothingShipped);
    }
}
