using System.Text.Json;
using StoreStock.Engine.Activities;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>
/// A count not submitted in time: marked missed, and its schedule's run of consecutive misses grows (a posted count
/// resets it). Leaves by TwoInARow when the store has now missed two or more scheduled counts in a row.
/// </summary>
[Activity("RecordMissedCount", WorkflowCategories.Stock, "记录漏盘", "Record missed count", Outcomes = [Done, TwoInARow])]
public sealed class RecordMissedCount : StocktakeStep
{
    public const string TwoInARow = "TwoInARow";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var missed = await StocktakeMisses.RecordAsync(connection, transaction, StocktakeId(context));
        context.SetVariable("consecutiveMissed", JsonSerializer.SerializeToNode(missed));
        return ActivityResult.Outcome(missed >= 2 ? TwoInARow : Done);
    }
}
