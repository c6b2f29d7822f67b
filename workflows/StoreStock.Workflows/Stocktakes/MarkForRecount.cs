using System.Text.Json;
using StoreStock.Engine.Activities;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>A rejected count goes back to the clerks: every line with a difference is flagged for a recount (variable <c>recountLines</c>).</summary>
[Activity("MarkForRecount", WorkflowCategories.Stock, "标记复盘", "Mark for recount")]
public sealed class MarkForRecount : StocktakeStep
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var flagged = await StocktakeRecount.MarkAsync(connection, transaction, StocktakeId(context));
        context.SetVariable("recountLines", JsonSerializer.SerializeToNode(flagged));
        return ActivityResult.Outcome(Done);
    }
}
