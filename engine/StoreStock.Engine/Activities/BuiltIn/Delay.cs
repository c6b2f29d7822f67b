using StoreStock.Engine.Expressions;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Validation;

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

    public override void Validate(ValidationContext context)
    {
        var duration = ActivityContext.Convert<string>(Duration.Literal, Id);
        if (Duration.IsEmpty && Until.IsEmpty)
        {
            context.Add(Id, ProblemCode.MissingInput, "duration", "需要时长或截止时间", "needs a duration or a time to wait until");
        }
        else if (Duration.Literal is not null && !Durations.TryParse(duration, out _))
        {
            context.Add(Id, ProblemCode.InvalidDuration, "duration", $"\"{duration}\" 不是有效时长（如 PT24H）", $"\"{duration}\" is not a duration (e.g. PT24H)");
        }
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRecord bookmark, ResumeSignal signal) =>
        ValueTask.FromResult(ActivityResult.Outcome(Done));
}
