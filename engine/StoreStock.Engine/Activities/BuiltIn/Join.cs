namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>
/// Brings branches together. Wait all: goes on once every incoming branch has arrived. Wait any: goes on with the
/// first arrival and cancels whatever the other branches still wait on (their cards are withdrawn).
/// </summary>
[Activity("Join", Categories.Flow, "汇合", "Join")]
public sealed class Join : Activity
{
    public const string WaitAll = "all";
    public const string WaitAny = "any";

    [Input("汇合方式", "Mode", UiHint = "dropdown", Options = [WaitAll, WaitAny])]
    public Input<string> Mode { get; set; } = Input<string>.Empty;

    public bool IsWaitAny => ActivityContext.Convert<string>(Mode.Literal, Id) == WaitAny;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var state = context.JoinState(Id);
        if (IsWaitAny)
        {
            if (state.Fired)
            {
                return ValueTask.FromResult<ActivityResult>(new ActivityResult.Absorb());
            }

            state.Fired = true;
            context.CancelBranchesInto(Id);
            return ValueTask.FromResult(ActivityResult.Outcome(Done));
        }

        if (context.FromActivityId is { } from && !state.Arrived.Contains(from))
        {
            state.Arrived.Add(from);
        }

        if (context.InboundSources.All(state.Arrived.Contains))
        {
            state.Arrived.Clear();
            return ValueTask.FromResult(ActivityResult.Outcome(Done));
        }

        return ValueTask.FromResult<ActivityResult>(new ActivityResult.Absorb());
    }
}
