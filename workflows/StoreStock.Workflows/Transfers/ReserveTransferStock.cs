using System.Text.Json;
using StoreStock.Engine;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>
/// Writes the transfer document for this instance from the validated request and reserves its lines at the source,
/// all or none, in the step's transaction: the document and the instance never diverge. Leaves by Short when the
/// source's available stock does not cover a line (nothing reserved). If the instance is cancelled before shipping,
/// the reservation is released; after shipping a cancel is refused.
/// Sets transferNumber, totalValue, crossRegion, fromStoreId, toStoreId and requestedLines ([{ productId, quantity }]).
/// </summary>
[Activity("ReserveTransferStock", WorkflowCategories.Stock, "调拨预留库存", "Reserve transfer stock", Outcomes = [Reserved, ShortOfStock])]
public sealed class ReserveTransferStock : Activity
{
    public const string Reserved = "Reserved";
    public const string ShortOfStock = "Short";

    [Input("调拨申请", "Transfer request", Required = true, UiHint = "code", Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<TransferDraft> Transfer { get; set; } = Input<TransferDraft>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var draft = context.Get(Transfer) ?? throw new ActivityFaultException("没有调拨申请 (no transfer request)");
        var (connection, transaction) = await context.TransactionAsync();
        await TransferCreation.CreateAsync(connection, transaction, context.Instance.Id, draft, context.Actor.Actor, context.Now);
        var shortfalls = await context.GetRequiredService<TransferReservation>().ReserveAsync(connection, transaction, context.Instance.Id, context.Actor.Actor, context.Now);
        var (header, lines) = await TransferRows.LockAsync(connection, transaction, context.Instance.Id);
        context.SetVariable("transferNumber", header!.Number);
        context.SetVariable("totalValue", header.TotalValue);
        context.SetVariable("crossRegion", header.CrossRegion);
        context.SetVariable("fromStoreId", header.FromStoreId);
        context.SetVariable("toStoreId", header.ToStoreId);
        context.SetVariable("requestedLines", TransferActivity.Lines(lines.Select(l => new TransferQuantity(l.ProductId, l.Requested))));
        if (header.Status == TransferStatus.ShortOfStock)
        {
            context.SetVariable("shortfalls", JsonSerializer.SerializeToNode(shortfalls, EngineJson.Options));
            return ActivityResult.Outcome(ShortOfStock);
        }

        return ActivityResult.Outcome(Reserved);
    }

    public override async ValueTask OnInstanceCancelledAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        if (!await context.GetRequiredService<TransferReservation>().ReleaseAsync(
                connection, transaction, context.Instance.Id, TransferStatus.Cancelled, context.Actor.Actor, context.Now))
        {
            throw new CancelRefusedException("调拨单已发货，不能取消 (the transfer has shipped and can no longer be cancelled)");
        }
    }
}
