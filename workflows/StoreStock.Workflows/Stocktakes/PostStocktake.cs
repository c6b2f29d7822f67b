using StoreStock.Engine.Activities;
using StoreStock.Inventory.Ledger;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>Posts the approved count: gain and loss moves through the ledger, in the step's transaction. Posting twice changes nothing.</summary>
[Activity("PostStocktake", WorkflowCategories.Stock, "盘点过账", "Post stocktake")]
public sealed class PostStocktake : StocktakeStep
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var totals = await StocktakePosting.PostAsync(connection, transaction, context.GetRequiredService<LedgerWriter>(), StocktakeId(context),
            context.Actor.Actor, context.Now, context.CancellationToken);
        context.Journal("posted", totals is null ? "已过账 (already posted)" : $"盘盈 {totals.GainValue} 盘亏 {totals.LossValue} (gain, loss)");
        return ActivityResult.Outcome(Done);
    }
}
