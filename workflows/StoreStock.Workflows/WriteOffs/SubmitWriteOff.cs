using System.Text.Json.Nodes;
using StoreStock.Engine.Activities;
using StoreStock.Inventory.Documents;
using StoreStock.Inventory.WriteOffs;

namespace StoreStock.Workflows.WriteOffs;

/// <summary>
/// Writes the checked write-off as a submitted 报损单 in the step's transaction, and remembers its number and value
/// for the approval levels. A cancelled instance cancels its document.
/// </summary>
[Activity("SubmitWriteOff", WorkflowCategories.Stock, "提交报损单", "Submit write-off", Outcomes = [Done])]
public sealed class SubmitWriteOff : Activity
{
    public const string NumberVariable = "documentNumber";
    public const string ValueVariable = "value";

    [Input("报损单", "Write-off", Required = true, Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<PreparedDocument> Document { get; set; } = Input<PreparedDocument>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Variables[NumberVariable] is not null)
        {
            return ActivityResult.Outcome(Done);
        }

        var document = context.Get(Document) ?? throw new ActivityInputException("报损单为空 (no write-off given)");
        var (connection, transaction) = await context.TransactionAsync();
        var submitted = await context.GetRequiredService<WriteOffSteps>().SubmitAsync(connection, transaction, document, context.Actor.Actor);
        context.SetVariable(NumberVariable, submitted.Number);
        context.SetVariable(ValueVariable, JsonValue.Create(submitted.Value));
        return ActivityResult.Outcome(Done);
    }

    public override async ValueTask OnInstanceCancelledAsync(ActivityContext context)
    {
        if (context.Variables[NumberVariable]?.GetValue<string>() is { } number)
        {
            var (connection, transaction) = await context.TransactionAsync();
            await context.GetRequiredService<WriteOffSteps>().CancelAsync(connection, transaction, number, context.Actor.Actor);
        }
    }
}
