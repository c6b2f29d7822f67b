namespace StoreStock.Engine.Activities;

/// <summary>What an activity tells the runtime after it ran or was resumed.</summary>
public abstract record ActivityResult
{
    /// <summary>Go on through these outcome ports.</summary>
    public sealed record Continue(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>The path waits on the bookmarks the activity created through its context.</summary>
    public sealed record Wait : ActivityResult;

    /// <summary>A resumed activity keeps waiting on the same bookmark (a reminder was sent, the task escalated).</summary>
    public sealed record KeepWaiting : ActivityResult;

    /// <summary>The path stops here without an outcome (a join still waiting for its other branches).</summary>
    public sealed record Absorb : ActivityResult;

    /// <summary>The whole instance finishes, whatever else is still waiting.</summary>
    public sealed record EndInstance : ActivityResult;

    public static ActivityResult Outcome(params string[] outcomes) => new Continue(outcomes);
}
