namespace StoreStock.Engine.Tests.Definitions;

/// <summary>Inputs that are missing, of the wrong type or meaningless are refused before publishing, naming the input.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class InputValidationTests(EngineApp app)
{
    [Fact]
    public async Task A_missing_required_input_is_refused_naming_the_input()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("missing-input")).Start()
            .Activity("big", "Decision").Activity("approve", "UserTask", new { assigneeRole = "store_manager" }).Activity("end", "End")
            .Connect("start", "big").Connect("big", "approve", "True").Connect("big", "end", "False").Connect("approve", "end")
            .Build());

        Assert.Equal(2, problems.Count);
        Assert.Equal("condition", problems.ProblemAt("missing_input", "big").InputOf());
        Assert.Equal("title", problems.ProblemAt("missing_input", "approve").InputOf());
    }

    [Fact]
    public async Task An_input_of_the_wrong_type_is_refused_naming_the_input()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("wrong-type")).Start()
            .Activity("fork", "Fork", new { branches = 3 })
            .Activity("ship", "UserTask", new { title = "出库", assigneeRole = "clerk", deadline = "PT24H" })
            .Activity("join", "Join").Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "ship", "Branch1").Connect("fork", "join", "Branch2").Connect("ship", "join").Connect("join", "end")
            .Build());

        Assert.Equal(2, problems.Count);
        var branches = problems.ProblemAt("wrong_input_type", "fork");
        Assert.Equal("branches", branches.InputOf());
        Assert.Contains("array", branches.MessageEn(), StringComparison.Ordinal);
        Assert.Equal("deadline", problems.ProblemAt("wrong_input_type", "ship").InputOf());
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_refused_for_a_task_and_for_an_approval_level()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("unknown-role")).Start()
            .Activity("count", "UserTask", new { title = "盘点", assigneeRole = "warehouse_boss" })
            .Activity("approve", "ApprovalChain", new
            {
                title = "报损审批",
                levels = new object[] { new { role = "store_manager" }, new { role = "cfo", condition = "amount > 500" } },
            })
            .Activity("end", "End")
            .Connect("start", "count").Connect("count", "approve").Connect("approve", "end", "Approved").Connect("approve", "end", "Rejected")
            .Build());

        Assert.Equal(2, problems.Count);
        var task = problems.ProblemAt("unknown_role", "count");
        Assert.Equal("assigneeRole", task.InputOf());
        Assert.Contains("warehouse_boss", task.MessageEn(), StringComparison.Ordinal);
        var level = problems.ProblemAt("unknown_role", "approve");
        Assert.Equal("levels", level.InputOf());
        Assert.Contains("cfo", level.MessageEn(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_field_with_an_unknown_type_or_a_choice_without_options_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("bad-form")).Start()
            .Activity("count", "UserTask", new
            {
                title = "盘点",
                assigneeRole = "clerk",
                form = new object[] { new { name = "counted", type = "slider" }, new { name = "reason", type = "choice" } },
            })
            .Activity("end", "End").Connect("start", "count").Connect("count", "end")
            .Build());

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("invalid_form", p.GetProperty("code").GetString()));
        Assert.All(problems, p => Assert.Equal("form", p.InputOf()));
        Assert.Contains(problems, p => p.MessageEn().Contains("\"counted\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.MessageEn().Contains("\"reason\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_duration_is_refused_in_a_deadline_and_in_a_delay()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("bad-duration")).Start()
            .Activity("count", "UserTask", new { title = "盘点", assigneeRole = "clerk", deadline = new { remindAfter = "明天", escalateAfter = "PT24H" } })
            .Activity("wait", "Delay", new { duration = "三天" })
            .Activity("end", "End").Connect("start", "count").Connect("count", "wait").Connect("wait", "end")
            .Build());

        Assert.Equal(2, problems.Count);
        var remind = problems.ProblemAt("invalid_duration", "count");
        Assert.Equal("deadline.remindAfter", remind.InputOf());
        Assert.Contains("明天", remind.MessageEn(), StringComparison.Ordinal);
        Assert.Equal("duration", problems.ProblemAt("invalid_duration", "wait").InputOf());
    }

    [Fact]
    public async Task A_delay_with_neither_a_duration_nor_a_time_is_refused()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("empty-delay")).Start()
            .Activity("wait", "Delay").Activity("end", "End").Connect("start", "wait").Connect("wait", "end")
            .Build());

        Assert.Single(problems);
        problems.ProblemAt("missing_input", "wait");
    }
}
