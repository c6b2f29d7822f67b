using System.Net;
using System.Text.Json;

namespace StoreStock.Engine.Tests.Activities;

public sealed class UserTaskTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly string[] Buttons = ["Done", "CannotCount"];

    [Fact]
    public async Task A_card_for_a_role_goes_to_the_holders_in_the_instances_store_and_completing_it_follows_the_chosen_outcome()
    {
        var id = Flow.Id("usertask");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("count", "UserTask", new
            {
                title = "盘点 {{area}}",
                body = "请清点 {{area}} 并填写数量",
                assigneeRole = "clerk",
                form = new object[] { new { name = "counted", type = "number", required = true, min = 0 }, new { name = "photo", type = "photo" } },
                buttons = Buttons,
                resultVariable = "count",
            })
            .Activity("end", "End").Activity("flag", "SetVariable", new { variable = "flagged", value = true }).Activity("end2", "End")
            .Connect("start", "count").Connect("count", "end").Connect("count", "flag", "CannotCount").Connect("flag", "end2")
            .Build());

        var started = await app.StartAsync(id, new { area = "冷柜" });
        Assert.Equal("suspended", started.GetProperty("status").GetString());
        var card = Assert.Single(started.GetProperty("newTasks").EnumerateArray());
        Assert.Equal("盘点 冷柜", card.GetProperty("title").GetString());
        Assert.Equal([app.ClerkA], card.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()));

        var clerk = await app.ClientAsync(app.ClerkA);
        var (_, mine) = await clerk.GetJsonAsync("/api/tasks/mine");
        var listed = Assert.Single(mine.EnumerateArray(), t => t.GetProperty("id").GetGuid() == card.GetProperty("id").GetGuid());
        Assert.Equal("请清点 冷柜 并填写数量", listed.GetProperty("body").GetString());

        var taskId = card.GetProperty("id").GetGuid();
        var (bad, problem) = await clerk.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", payload = new { counted = "many", extra = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("payload.counted", problem.ErrorFields());
        Assert.Contains("payload.extra", problem.ErrorFields());
        var (badOutcome, outcomeProblem) = await clerk.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Approve", payload = new { counted = 3 } });
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome);
        Assert.Contains("outcome", outcomeProblem.ErrorFields());

        var (ok, done) = await clerk.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", payload = new { counted = 42, comment = "冷柜已清点" } });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("finished", done.GetProperty("status").GetString());

        var detail = await app.InstanceAsync(started.GetProperty("instanceId").GetGuid());
        Assert.Equal(42, detail.GetProperty("variables").GetProperty("count").GetProperty("payload").GetProperty("counted").GetInt32());
        Assert.False(detail.GetProperty("variables").TryGetProperty("flagged", out _));
        Assert.Empty(detail.GetProperty("bookmarks").EnumerateArray());
        var journal = detail.GetProperty("journal").EnumerateArray().Select(j => (j.GetProperty("activityId").GetString(), j.GetProperty("event").GetString())).ToList();
        Assert.Equal([("start", "executed"), ("count", "waiting"), ("count", "resumed"), ("end", "executed")], journal);
        Assert.Contains(detail.GetProperty("journal").EnumerateArray(), j => j.GetProperty("actor").GetString() == $"user:{app.ClerkA}");
    }

    [Fact]
    public async Task Someone_who_is_not_the_assignee_is_refused_and_a_second_completion_is_already_done()
    {
        var id = Flow.Id("usertask-who");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("approve", "UserTask", new { title = "确认", assignee = app.ManagerA })
            .Activity("end", "End").Connect("start", "approve").Connect("approve", "end").Build());
        var taskId = (await app.StartAsync(id)).GetProperty("newTasks")[0].GetProperty("id").GetGuid();

        var (forbidden, _) = await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        var (hidden, _) = await (await app.ClientAsync(app.ManagerC)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        var manager = await app.ClientAsync(app.ManagerA);
        var (first, _) = await manager.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        var (second, again) = await manager.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(HttpStatusCode.NotFound, hidden);
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Equal("completed", again.GetProperty("status").GetString());
        Assert.Contains("already", again.GetProperty("detail").GetString());
    }
}
