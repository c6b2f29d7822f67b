namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>Finishes the instance; anything still waiting elsewhere is cancelled.</summary>
[Activity("End", Categories.Flow, "结束", "End", Outcomes = [])]
public sealed class End : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult<ActivityResult>(new ActivityResult.EndInstance());
}
