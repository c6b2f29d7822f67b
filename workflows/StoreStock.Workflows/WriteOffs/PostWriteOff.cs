using StoreStock.Engine.Activities;
using StoreStock.Inventory.WriteOffs;

namespace StoreStock.Workflows.WriteOffs;

/// <summary>Posts the approved write-off: the stock leaves the location. Short when stock was sold meanwhile (nothing moves).</summary>
[Activity("PostWriteOff", WorkflowCategories.Stock, "报损过账", "Post write-off", Outcomes = [Posted, StockShort])]
public sealed class PostWriteOff : Activity
{
    public const string Posted = "Posted";
    public const string StockShort = "Short";

    [Input("报损单号", "Write-off number", Required = true, Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<string> Number { get; set; } = Input<string>.Empty;

    [Input("备注", "Comment", Syntaxes = [Expression.JavaScript])]
    public Input<string> Comment { get; set; } = Input<string>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var posted = await context.GetRequiredService<WriteOffSteps>().PostAsync(
            connection, transaction, context.Get(Number) ?? "", context.Actor.Actor, context.Get(Comment), context.CancellationToken);
        return ActivityResult.Outcome(posted ? Posted : StockShort);
    }
}
