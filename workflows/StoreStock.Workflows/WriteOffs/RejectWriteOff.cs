using StoreStock.Engine.Activities;
using StoreStock.Inventory.WriteOffs;

namespace StoreStock.Workflows.WriteOffs;

/// <summary>Marks the write-off rejected with the approver's comment; no stock moves.</summary>
[Activity("RejectWriteOff", WorkflowCategories.Stock, "驳回报损单", "Reject write-off", Outcomes = [Done])]
public sealed class RejectWriteOff : Activity
{
    [Input("报损单号", "Write-off number", Required = true, Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<string> Number { get; set; } = Input<string>.Empty;

    [Input("驳回意见", "Comment", Syntaxes = [Expression.JavaScript])]
    public Input<string> Comment { get; set; } = Input<string>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        await context.GetRequiredService<WriteOffSteps>().RejectAsync(connection, transaction, context.Get(Number) ?? "", context.Actor.Actor, context.Get(Comment));
        return ActivityResult.Outcome(Done);
    }
}
