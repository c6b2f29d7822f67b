namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>Starts every branch at once; a Join brings them together.</summary>
[Activity("Fork", Categories.Flow, "并行分支", "Fork", Outcomes = ["Branch1", "Branch2"])]
public sealed class Fork : Activity
{
    [Input("分支名称", "Branches", UiHint = "list")]
    public Input<List<string>> Branches { get; set; } = Input<List<string>>.Empty;

    public override IReadOnlyList<string> Outcomes() => ActivityContext.Convert<List<string>>(Branches.Literal, Id) is { Count: > 0 } names ? names : base.Outcomes();

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult<ActivityResult>(new ActivityResult.Continue(Outcomes()));
}
