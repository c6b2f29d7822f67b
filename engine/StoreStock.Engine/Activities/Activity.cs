using System.Reflection;
using StoreStock.Engine.Definitions;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Validation;

namespace StoreStock.Engine.Activities;

/// <summary>
/// One step of a flowchart. A subclass declares typed <see cref="Input{T}"/> properties marked with
/// <see cref="InputAttribute"/>; the registry binds them from the definition's JSON. Blocking activities create
/// bookmarks and are resumed through <see cref="ResumeAsync"/>.
/// </summary>
public abstract class Activity
{
    public const string Done = "Done";
    public const string Timeout = "Timeout";

    public ActivityNode Node { get; internal set; } = null!;

    public string Id => Node.Id;

    /// <summary>True for activities that wait on a bookmark, which is what makes a loop legal.</summary>
    public virtual bool IsBlocking => false;

    /// <summary>The ports this activity can leave by; the designer draws one handle per port.</summary>
    public virtual IReadOnlyList<string> Outcomes() => GetType().GetCustomAttribute<ActivityAttribute>()!.Outcomes;

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when one of this activity's bookmarks is resumed: a task completed, a timer due, a signal.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRecord bookmark, ResumeSignal signal) =>
        throw new InvalidOperationException($"Activity type {Node.Type} does not wait, so it cannot be resumed.");

    /// <summary>
    /// Called on every activity of a definition when an instance is cancelled, inside the cancelling transaction, so an
    /// activity that holds something (reserved stock) can give it back. It must check for itself whether it ran. Throwing
    /// <see cref="CancelRefusedException"/> refuses the cancel (a 409): nothing of it is kept.
    /// </summary>
    public virtual ValueTask OnInstanceCancelledAsync(ActivityContext context) => ValueTask.CompletedTask;

    /// <summary>Checks only this type knows (its roles, its form); the validator adds the generic ones.</summary>
    public virtual void Validate(ValidationContext context)
    {
    }
}
