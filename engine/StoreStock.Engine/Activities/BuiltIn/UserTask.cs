using System.Text.Json.Nodes;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>
/// A task card for a person or a role within the instance's store or region (or the store its StoreId input names). Completing it with a valid payload
/// leaves by the chosen outcome; the deadline policy reminds, escalates and finally leaves by Timeout.
/// </summary>
[Activity("UserTask", Categories.People, "人工任务", "User task", Outcomes = [Done])]
public sealed class UserTask : Activity
{
    [Input("标题", "Title", Required = true, UiHint = "template", Syntaxes = [Expression.Template], DefaultSyntax = Expression.Template)]
    public Input<string> Title { get; set; } = Input<string>.Empty;

    [Input("内容", "Body", UiHint = "template", Syntaxes = [Expression.Template], DefaultSyntax = Expression.Template)]
    public Input<string> Body { get; set; } = Input<string>.Empty;

    [Input("处理人", "Assignee", UiHint = "user", Syntaxes = [Expression.JavaScript])]
    public Input<string> Assignee { get; set; } = Input<string>.Empty;

    [Input("处理角色", "Assignee role", UiHint = "role")]
    public Input<string> AssigneeRole { get; set; } = Input<string>.Empty;

    /// <summary>The store whose people get the card and whose region it escalates in; the instance's store when empty, null or 0.</summary>
    [Input("门店", "Store", Syntaxes = [Expression.JavaScript])]
    public Input<int> StoreId { get; set; } = Input<int>.Empty;

    [Input("表单", "Form", UiHint = "form")]
    public Input<List<FormField>> Form { get; set; } = Input<List<FormField>>.Empty;

    [Input("结果按钮", "Outcomes", UiHint = "list")]
    public Input<List<string>> Buttons { get; set; } = Input<List<string>>.Empty;

    [Input("期限", "Deadline", UiHint = "deadline", Syntaxes = [Expression.JavaScript])]
    public Input<DeadlinePolicy> Deadline { get; set; } = Input<DeadlinePolicy>.Empty;

    [Input("结果变量", "Result variable")]
    public Input<string> ResultVariable { get; set; } = Input<string>.Empty;

    public override bool IsBlocking => true;

    public override IReadOnlyList<string> Outcomes()
    {
        var buttons = ActivityContext.Convert<List<string>>(Buttons.Literal, Id) is { Count: > 0 } list ? list : [Done];
        // A deadline worked out from the variables (a count's own deadline) may expire too, so it has the Timeout port.
        var mayExpire = Deadline.Expression is not null || ActivityContext.Convert<DeadlinePolicy>(Deadline.Literal, Id)?.ExpireAfter is { Length: > 0 };
        return mayExpire ? [.. buttons, Timeout] : buttons;
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var bookmark = context.CreateBookmark("task", []);
        await TaskCards.IssueAsync(context, bookmark, new TaskSpec(
            context.Get(Title) ?? "", context.Get(Body) ?? "", context.Get(Form) ?? [], [.. Outcomes().Where(o => o != Timeout)],
            context.Get(Assignee), context.Get(AssigneeRole), context.Get(Deadline),
            context.Get(StoreId) is > 0 and var store ? store : null));
        return new ActivityResult.Wait();
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRecord bookmark, ResumeSignal signal)
    {
        switch (signal)
        {
            case ResumeSignal.TaskCompleted done:
                Remember(context, done.Outcome, done.By.Actor, done.Payload);
                return ActivityResult.Outcome(done.Outcome);
            case ResumeSignal.TimerFired timer when await TaskCards.OnDeadlineAsync(context, bookmark, timer.Kind, context.Get(Deadline)) is not null:
                Remember(context, Timeout, context.Actor.Actor, []);
                return ActivityResult.Outcome(Timeout);
            default:
                return new ActivityResult.KeepWaiting();
        }
    }

    public override void Validate(Validation.ValidationContext context)
    {
        context.CheckRoles(this, "assigneeRole", AssigneeRole.Literal is null ? null : [ActivityContext.Convert<string>(AssigneeRole.Literal, Id)!]);
        if (Assignee.IsEmpty && AssigneeRole.IsEmpty)
        {
            context.Add(Id, "missing_input", "assignee", "需要处理人或处理角色", "needs an assignee or an assignee role");
        }

        context.CheckForm(this, "form", ActivityContext.Convert<List<FormField>>(Form.Literal, Id));
        context.CheckDeadline(this, "deadline", ActivityContext.Convert<DeadlinePolicy>(Deadline.Literal, Id));
    }

    private void Remember(ActivityContext context, string outcome, string by, JsonObject payload)
    {
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["outcome"] = outcome, ["by"] = by, ["payload"] = payload.DeepClone() });
        }
    }
}
