namespace StoreStock.Engine.Activities.BuiltIn;

[Activity("Decision", Categories.Flow, "条件判断", "Decision", Outcomes = [True, False])]
public sealed class Decision : Activity
{
    public const string True = "True";
    public const string False = "False";

    [Input("条件", "Condition", Required = true, UiHint = "code", Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<bool> Condition { get; set; } = Input<bool>.Empty;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcome(context.Get(Condition) ? True : False));
}
