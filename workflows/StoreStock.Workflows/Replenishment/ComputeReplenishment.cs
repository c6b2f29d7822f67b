using StoreStock.Engine.Activities;
using StoreStock.Inventory.Purchasing;
using StoreStock.Inventory.Replenishment;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// Works out what the instance's store should order today (<see cref="ReplenishmentPlanner"/>) and writes it as a draft
/// purchase order owned by this instance. NothingToOrder when no line is needed, or when the store already has today's
/// order (a run repeated on one day makes nothing twice). Run again after a crash, it finds its own draft.
/// </summary>
[Activity("ComputeReplenishment", WorkflowCategories.Stock, "计算补货", "Compute replenishment", Outcomes = [Drafted, NothingToOrder])]
public sealed class ComputeReplenishment : Activity
{
    public const string Drafted = "Drafted";
    public const string NothingToOrder = "NothingToOrder";

    [Input("触发方式", "Trigger", Syntaxes = [Expression.JavaScript])]
    public Input<string> Trigger { get; set; } = Input<string>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var storeId = context.Instance.StoreId ?? throw new ActivityInputException("补货流程需要门店 (a replenishment runs for a store)");
        var (connection, transaction) = await context.TransactionAsync();
        var ct = context.CancellationToken;
        var order = await PurchaseOrderRows.LockForInstanceAsync(connection, transaction, context.Instance.Id, ct);
        if (order is null)
        {
            var day = StoreStock.Inventory.Shared.BusinessDay.Of(context.Now);
            var lines = await context.GetRequiredService<ReplenishmentPlanner>().SuggestAsync(connection, transaction, [storeId], day, ct);
            var drafted = await context.GetRequiredService<PurchaseOrderDrafts>().WriteAsync(
                connection, transaction, lines, day, context.Get(Trigger) ?? "manual", new Dictionary<int, Guid> { [storeId] = context.Instance.Id }, context.Actor.Actor, ct);
            if (drafted.Count == 0)
            {
                context.Journal("nothing_to_order", lines.Count == 0 ? "没有需要补货的商品 (nothing below its need)" : "今天已有补货单 (today's order exists)");
                return ActivityResult.Outcome(NothingToOrder);
            }

            order = await PurchaseOrderRows.LockAsync(connection, transaction, drafted[0].Id, ct);
        }

        PurchaseOrderStep.Remember(context, order);
        context.SetVariable(PurchaseOrderStep.SuggestedLinesVariable,
            PurchaseOrderStep.Lines(await PurchaseOrderRows.OrderedAsync(connection, transaction, order.Id, ct)));
        return ActivityResult.Outcome(Drafted);
    }

    /// <summary>A cancelled run gives up its order unless it was already sent to the supplier.</summary>
    public override async ValueTask OnInstanceCancelledAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        if (await PurchaseOrderRows.LockForInstanceAsync(connection, transaction, context.Instance.Id, context.CancellationToken) is { } order)
        {
            await PurchaseOrderRows.MoveAsync(connection, transaction, order.Id,
                [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.Approved], PurchaseOrderStatus.Cancelled, context.Now, context.CancellationToken);
        }
    }
}
