using StoreStock.Engine.Runtime;
namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>Tells users or roles (within the instance's store or region) something; the message goes to the outbox.</summary>
[Activity("Notify", Categories.People, "通知", "Notify")]
public sealed class Notify : Activity
{
    [Input("用户", "Users", UiHint = "user")]
    public Input<List<string>> Users { get; set; } = Input<List<string>>.Empty;

    [Input("角色", "Roles", UiHint = "role")]
    public Input<List<string>> Roles { get; set; } = Input<List<string>>.Empty;

    [Input("标题", "Title", Required = true, UiHint = "template", Syntaxes = [Expression.Template], DefaultSyntax = Expression.Template)]
    public Input<string> Title { get; set; } = Input<string>.Empty;

    [Input("内容", "Body", UiHint = "template", Syntaxes = [Expression.Template], DefaultSyntax = Expression.Template)]
    public Input<string> Body { get; set; } = Input<string>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var recipients = new List<string>(context.Get(Users) ?? []);
        foreach (var role in context.Get(Roles) ?? [])
        {
            recipients.AddRange(await context.Org.UsersInRoleAsync(role, context.Instance.StoreId, context.Instance.RegionId, context.CancellationToken));
        }

        context.Notify(OutboxMessageKind.Notify, recipients, context.Get(Title) ?? "", context.Get(Body) ?? "");
        return ActivityResult.Outcome(Done);
    }

    public override void Validate(Validation.ValidationContext context) => context.CheckRoles(this, "roles", ActivityContext.Convert<List<string>>(Roles.Literal, Id));
}
