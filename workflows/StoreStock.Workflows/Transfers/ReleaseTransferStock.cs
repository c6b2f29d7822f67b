using StoreStock.Engine.Activities;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>Ends a transfer that has not shipped (rejected or cancelled) and releases the stock it reserved at the source.</summary>
[Activity("ReleaseTransferStock", WorkflowCategories.Stock, "调拨释放库存", "Release transfer stock")]
public sealed class ReleaseTransferStock : Activity
{
    [Input("结束状态", "End status", UiHint = "dropdown", Options = [TransferStatus.Rejected, TransferStatus.Cancelled])]
    public Input<string> Status { get; set; } = Input<string>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var status = context.Get(Status) is { Length: > 0 } given ? given : TransferStatus.Rejected;
        if (status is not (TransferStatus.Rejected or TransferStatus.Cancelled))
        {
            throw new ActivityFaultException($"结束状态只能是 rejected 或 cancelled，而不是 {status} (end status must be rejected or cancelled)");
        }

        var (connection, transaction) = await context.TransactionAsync();
        if (!await context.GetRequiredService<TransferReservation>().ReleaseAsync(connection, transaction, context.Instance.Id, status, context.Actor.Actor, context.Now))
        {
            throw new ActivityFaultException("调拨单已发货，不能释放预留 (the transfer has shipped; nothing to release)");
        }

        return ActivityResult.Outcome(Done);
    }
}
