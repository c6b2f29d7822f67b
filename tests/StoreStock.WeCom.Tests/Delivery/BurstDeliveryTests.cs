using System.Diagnostics;
using System.Text.Json;
using StoreStock.WeCom.Cards;
using Xunit.Abstractions;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>Many cards at once: an outage in the middle of a burst, and one member's per-minute limit.</summary>
public sealed class BurstDeliveryTests(BurstApp app, ITestOutputHelper output) : IClassFixture<BurstApp>
{
    private const int Instances = 20;

    [Fact]
    public async Task Five_hundred_cards_with_WeCom_unreachable_in_the_middle_are_each_delivered_exactly_once()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // fresh per-member windows
        var before = await app.StatsAsync();
        var watch = Stopwatch.StartNew();
        var instances = new List<Guid>();
        for (var i = 0; i < Instances / 2; i++)
        {
            instances.Add((await app.StartAsync(ManagerStoresApp.ApprovalId, new { amount = i, note = "第一批" })).InstanceId());
        }

        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'sent'", 100,
            "some of the first half delivered", new { ids = instances.ToArray() });
        await app.OutageAsync("unreachable");
        var outageAt = watch.Elapsed;
        var sentBeforeOutage = await SentAsync(instances);
        for (var i = Instances / 2; i < Instances; i++)
        {
            instances.Add((await app.StartAsync(ManagerStoresApp.ApprovalId, new { amount = i, note = "第二批" })).InstanceId());
        }

        var ids = instances.ToArray();
        Assert.Equal(500, await app.CountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and kind = 'task'", new { ids }));
        // Every card not yet through has failed once; then once more when its back-off and the minute its failure counts in have passed.
        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and (status = 'sent' or (attempts >= 1 and lease_until is null))",
            500, "every pending card tried once while WeCom is down", new { ids });
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and (status = 'sent' or (attempts >= 2 and lease_until is null))",
            500, "every pending card tried twice while WeCom is down", new { ids });
        var failedDuringOutage = await app.CountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'pending'", new { ids });

        await app.OutageAsync("none");
        var backAt = watch.Elapsed;
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // past the back-off and the minute the failed attempts count in
        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'sent'", 500, "all 500 cards sent", new { ids });
        var allAt = watch.Elapsed;

        var rows = await app.RowsAsync("instance_id = any(@ids) and kind = 'task'", new { ids });
        var expected = rows.Select(r => CardTaskId.Format(r.TaskId!.Value, r.Id)).ToHashSet();
        var delivered = new List<string>();
        foreach (var manager in app.Managers)
        {
            var cards = (await app.CardsAsync(manager)).Select(c => c.TaskId()).Where(expected.Contains).ToList();
            Assert.Equal(Instances, cards.Count);
            Assert.Equal(cards.Count, cards.Distinct().Count());
            delivered.AddRange(cards);
        }

        Assert.Equal(expected.Order(), delivered.Order());
        var after = await app.StatsAsync();
        Assert.Equal(0, after.DuplicatesSuppressed - before.DuplicatesSuppressed);
        Assert.Equal(0, after.DroppedOverRateLimit);
        Assert.Equal(500, after.SendsAccepted - before.SendsAccepted);
        Assert.True(after.OutageRefusals - before.OutageRefusals >= failedDuringOutage * 2);
        Assert.InRange(failedDuringOutage, 250, 500);
        output.WriteLine($"sent before the outage {sentBeforeOutage}, failing during it {failedDuringOutage} (refusals {after.OutageRefusals - before.OutageRefusals}); " +
            $"outage from {outageAt.TotalSeconds:0.0} s to {backAt.TotalSeconds:0.0} s, all 500 delivered at {allAt.TotalSeconds:0.0} s " +
            $"({(allAt - backAt).TotalSeconds:0.0} s after WeCom came back)");
    }

    [Fact]
    public async Task One_member_gets_30_cards_in_a_minute_and_the_rest_only_when_the_minute_has_passed()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var instances = new List<Guid>();
        for (var i = 0; i < 45; i++)
        {
            instances.Add((await app.StartAsync(ManagerStoresApp.ApprovalId, new { amount = i, note = "限流" }, app.OneManagerStore.Id)).InstanceId());
        }

        var ids = instances.ToArray();
        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'sent'", 30, "the first 30 cards", new { ids });
        await Task.Delay(TimeSpan.FromSeconds(1)); // ten more polls: nothing else may go inside the minute
        Assert.Equal(30, await app.CountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'sent'", new { ids }));
        Assert.Equal(15, await app.CountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'pending' and attempts = 0", new { ids }));
        Assert.Equal(30, (await app.CardsAsync(app.LoneManager)).Count);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'sent'", 45, "the other 15 cards", new { ids });
        var received = (await app.PhoneAsync(app.LoneManager)).Select(m => m.GetProperty("receivedAt").GetDateTimeOffset()).Order().ToList();
        Assert.Equal(45, received.Count);
        Assert.All(received, at => Assert.InRange(received.Count(r => r > at - TimeSpan.FromMinutes(1) && r <= at), 1, 30));
        Assert.Equal(0, (await app.StatsAsync()).DroppedOverRateLimit);
    }

    private Task<long> SentAsync(IEnumerable<Guid> instances) =>
        app.CountAsync("select count(*) from wf_outbox where instance_id = any(@ids) and status = 'sent'", new { ids = instances.ToArray() });
}
