using System.Net;
using Dapper;

namespace StoreStock.Engine.Tests.Tasks;

public sealed class ConcurrentCompletionTests(EngineApp app) : IClassFixture<EngineApp>
{
    private const int Requests = 50;

    [Fact]
    public async Task Fifty_simultaneous_completions_of_one_card_resume_the_instance_once_and_refuse_the_other_49()
    {
        var id = Flow.Id("race");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("approve", "UserTask", new { title = "审批调拨单", assignee = app.ManagerA })
            .Activity("ship", "UserTask", new { title = "调拨出库", assignee = app.ClerkA })
            .Activity("end", "End")
            .Connect("start", "approve").Connect("approve", "ship").Connect("ship", "end").Build());
        var started = await app.StartAsync(id);
        var instanceId = started.InstanceId();
        var taskId = started.NewTaskId();
        var manager = await app.ClientAsync(app.ManagerA);

        // Open the HTTP and database connections first, so the completions arrive together rather than one per new connection.
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => manager.GetJsonAsync($"/api/tasks/{taskId}")));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await manager.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", payload = new { comment = $"第{i}次提交" } });
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(requests);

        var winners = answers.Select((a, i) => (a, i)).Where(x => x.a.Status == HttpStatusCode.OK).ToList();
        var (winner, winnerIndex) = Assert.Single(winners);
        var refusals = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.Equal(Requests - 1, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.True(r.Status == HttpStatusCode.Conflict, $"{r.Status}: {r.Body}");
            Assert.Contains("already completed", r.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal("ship", Assert.Single(winner.Body.GetProperty("newTasks").EnumerateArray()).GetProperty("activityId").GetString());

        var detail = await app.InstanceAsync(instanceId);
        Assert.Equal("suspended", detail.Status());
        var journal = detail.Journal();
        Assert.Single(journal, j => j is ("approve", "resumed", _));
        Assert.Single(journal, j => j is ("ship", "waiting", _));
        var approved = detail.Card("approve");
        Assert.Equal("completed", approved.CardStatus());
        Assert.Single(approved.HistoryEvents(), e => e == "completed");
        Assert.Equal($"第{winnerIndex}次提交", approved.GetProperty("payload").GetProperty("comment").GetString());
        Assert.Equal(1, await ShipCardRowsAsync(instanceId));
        Assert.Equal([app.ManagerA, app.ClerkA], await app.RecipientsAsync(instanceId, "task"));
    }

    private async Task<long> ShipCardRowsAsync(Guid instanceId)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from wf_task where instance_id = @instanceId and activity_id = 'ship'", new { instanceId });
    }
}
