using System.Text.Json;
using StoreStock.Engine.Activities;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>
/// The clerks submitted: with every line counted the count goes to approval and the variable <c>variance</c> holds
/// { gainValue, lossValue, netValue, absoluteValue, differingLines } for the approval's conditions. Lines still
/// uncounted send it back to the count card (Incomplete).
/// </summary>
[Activity("SubmitStocktake", WorkflowCategories.Stock, "提交盘点", "Submit stocktake", Outcomes = [Submitted, Incomplete])]
public sealed class SubmitStocktake : StocktakeStep
{
    public const string Submitted = "Submitted";
    public const string Incomplete = "Incomplete";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var result = await StocktakeSubmission.SubmitAsync(connection, transaction, StocktakeId(context), context.Actor.Actor, context.Now);
        if (result.Variance is not { } variance)
        {
            context.SetVariable("uncounted", JsonSerializer.SerializeToNode(result.Uncounted));
            context.Journal("incomplete", $"还有 {result.Uncounted} 行未盘 ({result.Uncounted} lines not counted yet)");
            return ActivityResult.Outcome(Incomplete);
        }

        context.SetVariable("uncounted", JsonSerializer.SerializeToNode(0));
        context.SetVariable("variance", JsonSerializer.SerializeToNode(new
        {
            gainValue = variance.GainValue,
            lossValue = variance.LossValue,
            netValue = variance.NetValue,
            absoluteValue = variance.AbsoluteValue,
            differingLines = variance.DifferingLines,
        }));
        return ActivityResult.Outcome(Submitted);
    }
}
