using StoreStock.Engine.Expressions;
using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>Waits for a duration or until a moment; a Quartz trigger resumes it.</summary>
[Activity("Delay", Categories.Timing, "延时", "Delay")]
public sealed class Delay : Activity
{
    [Input("时长", "Duration", UiHint = "duration", Syntaxes = [Expression.JavaScript])]
    public Input<string> Duration { get; set; } = Input<string>.Empty;

    [Input("直到", "Until", UiHint = "datetime", Syntaxes = [Expression.JavaScript])]
    public Input<DateTimeOffset> Until { get; set; } = Input<DateTimeOffset>.Empty;

    public override bool IsBlocking => true;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        DateTimeOffset due;
        if (!Until.IsEmpty)
        {
            due = context.Get(Until);
        }
        else if (Durations.TryParse(context.Get(Duration), out var duration))
        {
            due = context.Now + duration;
        }
        else
        {
            throw new ActivityInputException($"延时 {Id} 需要有效的时长或时间 (a delay needs a duration or a time)");
        }

        var bookmark = context.CreateBookmark("delay", []);
        context.ScheduleTimer(bookmark, TimerKind.Delay, due);
        return ValueTask.FromResult<ActivityResult>(new ActivityResult.Wait());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRecord bookmark, ResumeSignal signal) =>
        ValueTask.FromResult(ActivityResult.Outcome(Done));
}
