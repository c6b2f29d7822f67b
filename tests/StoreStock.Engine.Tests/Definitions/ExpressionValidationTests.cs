namespace StoreStock.Engine.Tests.Definitions;

/// <summary>JavaScript that does not parse and templates that do not compile are refused before publishing, not met at run time.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class ExpressionValidationTests(EngineApp app)
{
    [Fact]
    public async Task JavaScript_that_does_not_parse_is_refused_in_a_decision_a_switch_case_and_an_approval_level()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("bad-js")).Start()
            .Activity("big", "Decision", new { condition = "amount >" })
            .Activity("route", "Switch", new
            {
                cases = new object[] { new { outcome = "Bakery", condition = "category == '面包'" }, new { outcome = "Tea", condition = "category == '茶饮" } },
            })
            .Activity("approve", "ApprovalChain", new
            {
                title = "报损审批",
                levels = new object[] { new { role = "store_manager" }, new { role = "regional_supervisor", condition = "amount > (500" } },
            })
            .Activity("end", "End")
            .Connect("start", "big").Connect("big", "route", "True").Connect("big", "route", "False")
            .Connect("route", "approve", "Bakery").Connect("route", "approve", "Tea").Connect("route", "approve", "Default")
            .Connect("approve", "end", "Approved").Connect("approve", "end", "Rejected")
            .Build());

        Assert.Equal(3, problems.Count);
        Assert.Equal("condition", problems.ProblemAt("script_syntax", "big").InputOf());
        Assert.Equal("cases[1].condition", problems.ProblemAt("script_syntax", "route").InputOf());
        Assert.Equal("levels[1].condition", problems.ProblemAt("script_syntax", "approve").InputOf());
    }

    [Fact]
    public async Task A_template_that_does_not_compile_is_refused_in_a_task_title_and_an_approval_level_title()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("bad-template")).Start()
            .Activity("count", "UserTask", new { title = "{{#if urgent}}加急盘点", assigneeRole = "clerk" })
            .Activity("approve", "ApprovalChain", new
            {
                title = "报损审批",
                levels = new object[] { new { role = "store_manager", title = "店长审批 {{amount" } },
            })
            .Activity("end", "End")
            .Connect("start", "count").Connect("count", "approve").Connect("approve", "end", "Approved").Connect("approve", "end", "Rejected")
            .Build());

        Assert.Equal(2, problems.Count);
        Assert.Equal("title", problems.ProblemAt("template_syntax", "count").InputOf());
        Assert.Equal("levels[0].title", problems.ProblemAt("template_syntax", "approve").InputOf());
    }
}
