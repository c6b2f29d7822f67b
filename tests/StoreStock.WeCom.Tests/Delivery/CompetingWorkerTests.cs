using Microsoft.Extensions.DependencyInjection;
using StoreStock.WeCom.Cards;
using StoreStock.WeCom.Client;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>Workers that compete for the outbox, and a worker that dies between sending and settling.</summary>
public sealed class CompetingWorkerTests(ManualDeliveryApp app) : IClassFixture<ManualDeliveryApp>
{
    [Fact]
    public async Task Two_workers_on_one_database_never_send_one_message_twice()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var before = await app.StatsAsync();
        var instances = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            instances.Add((await app.StartAsync("manual-approve", new { amount = i, note = "两个节点" })).InstanceId());
        }

        var ids = instances.ToArray();
        Assert.Equal(200, await app.CountAsync("select count(*) from wf_outbox where instance_id = any(@ids)", new { ids }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var claimed = await Task.WhenAll(RunUntilDrainedAsync(app.NewWorker(), timeout.Token), RunUntilDrainedAsync(app.NewWorker(), timeout.Token));

        Assert.Equal(200, claimed.Sum());
        Assert.All(claimed, c => Assert.True(c > 0, "both workers took part"));
        var rows = await app.RowsAsync("instance_id = any(@ids)", new { ids });
        Assert.All(rows, r => Assert.Equal(("sent", 1), (r.Status, r.Attempts)));
        var after = await app.StatsAsync();
        Assert.Equal(200, after.SendsAccepted - before.SendsAccepted);
        Assert.Equal(0, after.DuplicatesSuppressed - before.DuplicatesSuppressed);
        foreach (var manager in app.StoreManagers)
        {
            var cards = (await app.CardsAsync(manager)).Select(c => c.TaskId()).ToList();
            Assert.Equal(cards.Count, cards.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_card_sent_by_a_worker_that_died_before_settling_is_sent_again_and_WeCom_shows_it_once()
    {
        var (row, taskId) = await SendAndDieAsync();
        var other = app.NewWorker();
        Assert.Equal(0, await other.RunOnceAsync(CancellationToken.None)); // the dead worker's lease still holds it
        var before = await app.StatsAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await other.RunOnceAsync(CancellationToken.None));

        var settled = Assert.Single(await app.RowsAsync("id = @id", new { id = row }));
        Assert.Equal(("sent", 2), (settled.Status, settled.Attempts));
        Assert.Equal(1, (await app.StatsAsync()).DuplicatesSuppressed - before.DuplicatesSuppressed);
        Assert.Single(await app.CardsAsync(app.LoneManager), c => c.TaskId() == CardTaskId.Format(taskId, row));
        Assert.NotNull(await app.ScalarAsync<string?>("select response_code from wecom_card where outbox_id = @row", new { row }));
    }

    [Fact]
    public async Task A_card_sent_again_after_the_duplicate_window_is_refused_as_a_used_task_id_and_counts_as_delivered()
    {
        var (row, taskId) = await SendAndDieAsync();
        app.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var before = await app.StatsAsync();
        Assert.Equal(1, await app.NewWorker().RunOnceAsync(CancellationToken.None));

        var settled = Assert.Single(await app.RowsAsync("id = @id", new { id = row }));
        Assert.Equal(("sent", 2), (settled.Status, settled.Attempts));
        Assert.Contains("task_id 已存在", settled.Note, StringComparison.Ordinal);
        Assert.Equal(0, (await app.StatsAsync()).DuplicatesSuppressed - before.DuplicatesSuppressed);
        Assert.Single(await app.CardsAsync(app.LoneManager), c => c.TaskId() == CardTaskId.Format(taskId, row));
    }

    /// <summary>A worker claims the lone manager's new card and sends it, then dies before it settles.</summary>
    private async Task<(long Row, Guid TaskId)> SendAndDieAsync()
    {
        var taskId = (await app.StartAsync("manual-approve", new { amount = 5, note = "宕机" }, app.OneManagerStore.Id)).NewTaskId();
        var claimed = Assert.Single(await app.Services.GetRequiredService<OutboxClaims>().ClaimAsync(app.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(taskId, claimed.TaskId);
        var plan = Assert.IsType<DeliveryPlan.Send>(await app.Services.GetRequiredService<CardRenderer>().RenderAsync(claimed, CancellationToken.None));
        await app.Services.GetRequiredService<IWeComClient>().SendAsync(plan.Message, CancellationToken.None);
        Assert.Single(await app.CardsAsync(app.LoneManager), c => c.TaskId() == CardTaskId.Format(taskId, claimed.Id));
        return (claimed.Id, taskId);
    }

    private static async Task<int> RunUntilDrainedAsync(DeliveryPass worker, CancellationToken ct)
    {
        var claimed = 0;
        var idle = 0;
        while (idle < 5)
        {
            var n = await worker.RunOnceAsync(ct);
            claimed += n;
            idle = n == 0 ? idle + 1 : 0;
            await Task.Delay(n == 0 ? 50 : 0, ct);
        }

        return claimed;
    }
}
