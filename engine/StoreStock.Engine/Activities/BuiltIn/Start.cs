namespace StoreStock.Engine.Activities.BuiltIn;

[Activity("Start", Categories.Flow, "开始", "Start")]
public sealed class Start : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Outcome(Done));
}
