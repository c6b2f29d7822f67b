using System.Text.Json.Nodes;

namespace StoreStock.Engine.Activities.BuiltIn;

[Activity("SetVariable", Categories.Data, "设置变量", "Set variable")]
public sealed class SetVariable : Activity
{
    [Input("变量", "Variable", Required = true)]
    public Input<string> Variable { get; set; } = Input<string>.Empty;

    [Input("值", "Value", Required = true, UiHint = "json", Syntaxes = [Expression.JavaScript, Expression.Template])]
    public Input<JsonNode> Value { get; set; } = Input<JsonNode>.Empty;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.Get(Variable)!, context.Get(Value));
        return ValueTask.FromResult(ActivityResult.Outcome(Done));
    }
}
