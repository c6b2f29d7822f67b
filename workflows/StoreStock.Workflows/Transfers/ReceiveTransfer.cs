using StoreStock.Engine.Activities;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>
/// Books what the destination received (a shipped line left out arrived as 0) out of transit into its stock; each
/// line keeps received − shipped as its discrepancy. Sets receivedLines and discrepancies (the lines that differ).
/// </summary>
[Activity("ReceiveTransfer", WorkflowCategories.Stock, "调拨收货", "Receive transfer")]
public sealed class ReceiveTransfer : Activity
{
    [Input("收货明细", "Received lines", Required = true, UiHint = "code", Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<List<TransferQuantity>> Lines { get; set; } = Input<List<TransferQuantity>>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var lines = TransferActivity.ValueOrFault(await context.GetRequiredService<TransferReceiving>().ReceiveAsync(
            connection, transaction, context.Instance.Id, context.Get(Lines) ?? [], context.Actor.Actor, context.Now), "收货", "receipt");
        context.SetVariable("receivedLines", TransferActivity.Lines(lines.Where(l => l.Received is not null).Select(l => new TransferQuantity(l.ProductId, l.Received!.Value))));
        context.SetVariable("discrepancies", TransferActivity.Lines(
            lines.Where(l => l.Received is not null && l.Received != (l.Shipped ?? 0)).Select(l => new TransferQuantity(l.ProductId, l.Received!.Value - (l.Shipped ?? 0)))));
        return ActivityResult.Outcome(Done);
    }
}
