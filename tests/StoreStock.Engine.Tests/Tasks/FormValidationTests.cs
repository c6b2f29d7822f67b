using System.Net;
using System.Text.Json.Nodes;

namespace StoreStock.Engine.Tests.Tasks;

/// <summary>A completion whose payload does not fit the card's form is a 400 naming the fields, and changes nothing.</summary>
public sealed class FormValidationTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly string[] Reasons = ["破损", "过期", "丢失"];

    private const string Valid = """{ "counted": 12, "reason": "过期", "lines": [ { "productId": 7, "quantity": 2 } ] }""";

    [Theory]
    [InlineData("""{ "reason": "过期" }""", "payload.counted")]
    [InlineData("""{ "counted": null, "reason": "过期" }""", "payload.counted")]
    [InlineData("""{ "counted": 12 }""", "payload.reason")]
    [InlineData("""{ "counted": 1000, "reason": "过期" }""", "payload.counted")]
    [InlineData("""{ "counted": -1, "reason": "过期" }""", "payload.counted")]
    [InlineData("""{ "counted": 1e30, "reason": "过期" }""", "payload.counted")]
    [InlineData("""{ "counted": "十二", "reason": "过期" }""", "payload.counted")]
    [InlineData("""{ "counted": 12, "reason": "被偷" }""", "payload.reason")]
    [InlineData("""{ "counted": 12, "reason": 1 }""", "payload.reason")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [] }""", "payload.lines")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": { "productId": 7, "quantity": 2 } }""", "payload.lines")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [ 7 ] }""", "payload.lines[0].productId,payload.lines[0].quantity")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [ { "productId": "七", "quantity": 2 } ] }""", "payload.lines[0].productId")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [ { "productId": 7.5, "quantity": 2 } ] }""", "payload.lines[0].productId")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [ { "productId": 7, "quantity": 2 }, { "productId": 8 } ] }""", "payload.lines[1].quantity")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [ { "productId": 7, "quantity": -2 } ] }""", "payload.lines[0].quantity")]
    [InlineData("""{ "counted": 12, "reason": "过期", "lines": [ { "productId": 7, "quantity": 1e40 } ] }""", "payload.lines[0].quantity")]
    [InlineData("""{ "counted": 12, "reason": "过期", "note": "" }""", "payload.note")]
    [InlineData("""{ "counted": 12, "reason": "过期", "colour": "红" }""", "payload.colour")]
    public async Task A_payload_that_does_not_fit_the_form_is_refused_naming_the_field_and_the_card_stays_open(string payload, string fields)
    {
        var (instanceId, taskId) = await StartWriteOffAsync();
        var clerk = await app.ClientAsync(app.ClerkA);

        var (status, problem) = await clerk.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", payload = JsonNode.Parse(payload) });

        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {problem}");
        Assert.Equal(fields.Split(','), problem.ErrorFields());
        var detail = await app.InstanceAsync(instanceId);
        Assert.Equal("suspended", detail.Status());
        Assert.Equal(["created"], detail.Card(taskId).HistoryEvents());
        Assert.Equal("open", detail.Card(taskId).CardStatus());
        Assert.Equal([("start", "executed", "Done"), ("report", "waiting", null)], detail.Journal());
        Assert.Single(detail.GetProperty("bookmarks").EnumerateArray());
        Assert.Contains(taskId, await app.MyTaskIdsAsync(app.ClerkA));

        var (accepted, done) = await clerk.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", payload = JsonNode.Parse(Valid) });
        Assert.True(accepted == HttpStatusCode.OK, done.ToString());
    }

    private async Task<(Guid InstanceId, Guid TaskId)> StartWriteOffAsync()
    {
        var id = Flow.Id("form");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("report", "UserTask", new
            {
                title = "登记报损",
                assignee = app.ClerkA,
                form = new object[]
                {
                    new { name = "counted", type = "number", label = "数量", required = true, min = 0, max = 999 },
                    new { name = "reason", type = "choice", label = "原因", required = true, options = Reasons },
                    new { name = "lines", type = "productLines", label = "商品明细" },
                    new { name = "note", type = "text", label = "备注" },
                },
            })
            .Activity("end", "End").Connect("start", "report").Connect("report", "end").Build());
        var started = await app.StartAsync(id);
        return (started.InstanceId(), started.NewTaskId());
    }
}
