using System.Net;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>HQ sees every problem of a definition in one answer, and a sound definition has none.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class ValidationReportTests(EngineApp app)
{
    private static readonly string[] Reasons = ["过期", "破损", "变质"];
    private static readonly string[] Managers = ["store_manager"];

    [Fact]
    public async Task A_definition_with_several_problems_lists_them_all_at_once()
    {
        var problems = await app.PublishRefusedAsync(new Flow(Flow.Id("many-problems")).Start()
            .Activity("beam", "Teleport")
            .Activity("big", "Decision", new { condition = "amount >" })
            .Activity("approve", "UserTask", new { title = "审批 {{#each}}", assigneeRole = "cfo" })
            .Activity("orphan", "SetVariable", new { variable = "note", value = "孤立" })
            .Activity("end", "End")
            .Connect("start", "beam").Connect("beam", "big").Connect("big", "approve", "True").Connect("approve", "end")
            .Build());

        problems.ProblemAt("unknown_type", "beam");
        problems.ProblemAt("script_syntax", "big");
        problems.ProblemAt("outcome_not_connected", "big");
        problems.ProblemAt("template_syntax", "approve");
        problems.ProblemAt("unknown_role", "approve");
        problems.ProblemAt("outcome_not_connected", "orphan");
        problems.ProblemAt("unreachable", "orphan");
    }

    [Fact]
    public async Task A_sound_write_off_definition_validates_with_no_problems_and_publishes_as_version_1()
    {
        var definition = SoundWriteOff(Flow.Id("write-off"));

        Assert.Empty(await app.ValidateAsync(definition));
        await app.SaveDraftAsync(definition);
        var (status, published) = await (await app.HqAsync()).PostAsync($"{DefinitionApi.Definitions}/{DefinitionApi.IdOf(definition)}/publish");
        Assert.True(status == HttpStatusCode.OK, published.ToString());
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        Assert.True(published.GetProperty("isPublished").GetBoolean());
    }

    /// <summary>A write-off: the clerk reports, the manager (and above 500 the supervisor) approves, the store is told.</summary>
    public static object SoundWriteOff(string id) => new Flow(id).Start()
        .Variable("amount", "number", 0)
        .Activity("report", "UserTask", new
        {
            title = "填写报损单",
            body = "请拍照并填写报损数量",
            assigneeRole = "clerk",
            form = new object[]
            {
                new { name = "lines", type = "productLines", required = true },
                new { name = "reason", type = "choice", options = Reasons },
                new { name = "photo", type = "photo" },
            },
            deadline = new { remindAfter = "PT4H", escalateAfter = "PT24H", expireAfter = "P2D" },
            resultVariable = "report",
        })
        .Activity("approve", "ApprovalChain", new
        {
            title = "报损审批：{{amount}} 元",
            levels = new object[] { new { role = "store_manager" }, new { role = "regional_supervisor", condition = "amount > 500", title = "区域审批：{{amount}} 元" } },
            deadline = new { escalateAfter = "PT24H" },
            resultVariable = "approval",
        })
        .Activity("tell", "Notify", new { roles = Managers, title = "报损已{{approval.outcome}}" })
        .Activity("late", "SetVariable", new { variable = "late", value = true })
        .Activity("end", "End")
        .Connect("start", "report").Connect("report", "approve").Connect("report", "late", "Timeout").Connect("late", "end")
        .Connect("approve", "tell", "Approved").Connect("approve", "tell", "Rejected").Connect("tell", "end")
        .Build("门店报损");
}
