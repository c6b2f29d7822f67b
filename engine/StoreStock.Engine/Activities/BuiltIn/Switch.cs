namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>One case per outcome; the first case whose condition holds wins, otherwise Default.</summary>
[Activity("Switch", Categories.Flow, "多路分支", "Switch", Outcomes = [Default])]
public sealed class Switch : Activity
{
    public const string Default = "Default";

    [Input("分支", "Cases", Required = true, UiHint = "cases")]
    public Input<List<SwitchCase>> Cases { get; set; } = Input<List<SwitchCase>>.Empty;

    public override IReadOnlyList<string> Outcomes() => [.. CaseList().Select(c => c.Outcome), Default];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        foreach (var @case in CaseList())
        {
            if (context.Holds(@case.Condition))
            {
                return ValueTask.FromResult(ActivityResult.Outcome(@case.Outcome));
            }
        }

        return ValueTask.FromResult(ActivityResult.Outcome(Default));
    }

    public override void Validate(Validation.ValidationContext context)
    {
        var cases = CaseList();
        for (var i = 0; i < cases.Count; i++)
        {
            context.CheckScript(this, $"cases[{i}].condition", cases[i].Condition);
        }
    }

    private List<SwitchCase> CaseList() => ActivityContext.Convert<List<SwitchCase>>(Cases.Literal, Id) ?? [];
}

public sealed class SwitchCase
{
    public string Outcome { get; set; } = "";

    /// <summary>A JavaScript condition.</summary>
    public string Condition { get; set; } = "";
}
