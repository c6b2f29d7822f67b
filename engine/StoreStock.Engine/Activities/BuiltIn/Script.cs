namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>Runs JavaScript in the sandbox; <c>setVariable(name, value)</c> writes variables, the last value can go to a variable too.</summary>
[Activity("Script", Categories.Data, "脚本", "Script")]
public sealed class Script : Activity
{
    [Input("代码", "Code", Required = true, UiHint = "code", Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<string> Code { get; set; } = Input<string>.Empty;

    [Input("结果变量", "Result variable")]
    public Input<string> ResultVariable { get; set; } = Input<string>.Empty;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var result = context.RunScript(Code.Expression!.Value);
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, result);
        }

        return ValueTask.FromResult(ActivityResult.Outcome(Done));
    }
}
