using System.Text.Json.Nodes;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>
/// Ordered approval levels, each a role with an optional condition (e.g. level 2 only when <c>amount &gt; 500</c>).
/// Every applicable level approves in turn; any Reject ends the chain as Rejected with the comment kept.
/// Each level's card follows the same deadline policy as a UserTask.
/// </summary>
[Activity("ApprovalChain", Categories.People, "审批链", "Approval chain", Outcomes = [Approved, Rejected])]
public sealed class ApprovalChain : Activity
{
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Approve = "Approve";
    public const string Reject = "Reject";

    [Input("审批级别", "Levels", Required = true, UiHint = "levels")]
    public Input<List<ApprovalLevel>> Levels { get; set; } = Input<List<ApprovalLevel>>.Empty;

    [Input("标题", "Title", Required = true, UiHint = "template", Syntaxes = [Expression.Template], DefaultSyntax = Expression.Template)]
    public Input<string> Title { get; set; } = Input<string>.Empty;

    [Input("内容", "Body", UiHint = "template", Syntaxes = [Expression.Template], DefaultSyntax = Expression.Template)]
    public Input<string> Body { get; set; } = Input<string>.Empty;

    [Input("期限", "Deadline", UiHint = "deadline")]
    public Input<DeadlinePolicy> Deadline { get; set; } = Input<DeadlinePolicy>.Empty;

    [Input("结果变量", "Result variable")]
    public Input<string> ResultVariable { get; set; } = Input<string>.Empty;

    public override bool IsBlocking => true;

    public override IReadOnlyList<string> Outcomes() =>
        ActivityContext.Convert<DeadlinePolicy>(Deadline.Literal, Id)?.ExpireAfter is { Length: > 0 } ? [Approved, Rejected, Timeout] : [Approved, Rejected];

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => await NextLevelAsync(context, -1, []);

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRecord bookmark, ResumeSignal signal)
    {
        var level = bookmark.Payload["level"]!.GetValue<int>();
        var decisions = bookmark.Payload["decisions"]!.AsArray();
        switch (signal)
        {
            case ResumeSignal.TaskCompleted done:
                decisions.Add(new JsonObject
                {
                    ["level"] = level,
                    ["outcome"] = done.Outcome,
                    ["by"] = done.By.Actor,
                    ["comment"] = done.Payload["comment"]?.DeepClone(),
                    ["at"] = context.Now,
                });
                return done.Outcome == Reject ? Finish(context, Rejected, decisions) : await NextLevelAsync(context, level, decisions);
            case ResumeSignal.TimerFired timer when await TaskCards.OnDeadlineAsync(context, bookmark, timer.Kind, context.Get(Deadline)) is not null:
                return Finish(context, Timeout, decisions);
            default:
                return new ActivityResult.KeepWaiting();
        }
    }

    public override void Validate(Validation.ValidationContext context)
    {
        var levels = ActivityContext.Convert<List<ApprovalLevel>>(Levels.Literal, Id) ?? [];
        if (Levels.Literal is not null && levels.Count == 0)
        {
            context.Add(Id, "missing_input", "levels", "至少需要一个审批级别", "needs at least one approval level");
        }

        context.CheckRoles(this, "levels", levels.Select(l => l.Role).ToList());
        for (var i = 0; i < levels.Count; i++)
        {
            context.CheckScript(this, $"levels[{i}].condition", levels[i].Condition);
            context.CheckTemplate(this, $"levels[{i}].title", levels[i].Title);
        }

        context.CheckDeadline(this, "deadline", ActivityContext.Convert<DeadlinePolicy>(Deadline.Literal, Id));
    }

    private async Task<ActivityResult> NextLevelAsync(ActivityContext context, int after, JsonArray decisions)
    {
        var levels = context.Get(Levels) ?? [];
        for (var i = after + 1; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Condition is { Length: > 0 } condition && !context.Holds(condition))
            {
                continue;
            }

            var bookmark = context.CreateBookmark("approval", new JsonObject { ["level"] = i, ["decisions"] = decisions.DeepClone() });
            var title = context.Get(Title) ?? "";
            await TaskCards.IssueAsync(context, bookmark, new TaskSpec(
                level.Title is { Length: > 0 } ? context.Render(level.Title) : title,
                context.Get(Body) ?? "",
                [],
                [Approve, Reject],
                null,
                level.Role,
                context.Get(Deadline)));
            return new ActivityResult.Wait();
        }

        return Finish(context, Approved, decisions);
    }

    private ActivityResult Finish(ActivityContext context, string outcome, JsonArray decisions)
    {
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            var last = decisions.LastOrDefault();
            context.SetVariable(variable, new JsonObject
            {
                ["outcome"] = outcome,
                ["decisions"] = decisions.DeepClone(),
                ["comment"] = last?["comment"]?.DeepClone(),
            });
        }

        return ActivityResult.Outcome(outcome);
    }
}

public sealed class ApprovalLevel
{
    public string Role { get; set; } = "";

    /// <summary>JavaScript; the level applies only when it holds. Empty means always.</summary>
    public string? Condition { get; set; }

    /// <summary>A template for this level's card title; the chain's title otherwise.</summary>
    public string? Title { get; set; }
}
