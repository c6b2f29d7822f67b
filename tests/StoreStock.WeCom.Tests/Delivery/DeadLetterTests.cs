using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>Messages WeCom will not take: dead at once when retrying cannot help, after the last attempt otherwise; HQ sees them and sends them again.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeadLetterTests(DeliveryApp app)
{
    [Fact]
    public async Task A_recipient_WeCom_refuses_is_dead_at_once_shows_on_the_HQ_list_and_a_retry_sends_it_once_the_mapping_is_fixed()
    {
        await app.PublishAsync(Definitions.Notice("dl-broken", app.Broken));
        var started = await app.StartAsync("dl-broken", new { title = "盘点提醒", note = "今晚盘点冷柜" });
        var instanceId = started.InstanceId();
        await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = @instanceId and status = 'dead'", 1, "the message dead", new { instanceId });
        var row = Assert.Single(await app.RowsAsync("instance_id = @instanceId", new { instanceId }));
        Assert.Equal(1, row.Attempts);
        Assert.Contains("81013", row.LastError, StringComparison.Ordinal);

        var hq = await app.HqAsync();
        var listed = await DeadAsync(hq);
        var shown = Assert.Single(listed, d => d.GetProperty("id").GetInt64() == row.Id);
        Assert.Equal(app.Broken, shown.GetProperty("recipient").GetString());
        Assert.Equal(DeliveryApp.BrokenUserId, shown.GetProperty("weComUserId").GetString());
        Assert.Equal("notify", shown.GetProperty("kind").GetString());
        Assert.Equal("盘点提醒", shown.GetProperty("title").GetString());
        Assert.Equal(1, shown.GetProperty("attempts").GetInt32());
        Assert.Contains("81013", shown.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // The administrator fixes the member's WeCom userid, then sends the message again.
        app.Services.GetRequiredService<IOptions<WeComOptions>>().Value.Users[app.Broken] = "LiSi";
        var (retried, again) = await hq.PostAsync($"/api/wecom/deliveries/{row.Id}/retry");
        Assert.True(retried == HttpStatusCode.OK, again.ToString());
        Assert.Equal("pending", again.GetProperty("status").GetString());
        var text = await app.MessageAsync("LiSi", m => m.GetProperty("type").GetString() == "text", "the retried message on the fixed phone");
        Assert.StartsWith("盘点提醒\n今晚盘点冷柜", text.GetProperty("content").GetProperty("content").GetString(), StringComparison.Ordinal);
        await app.UntilCountAsync("select count(*) from wf_outbox where id = @id and status = 'sent'", 1, "the retried message sent", new { id = row.Id });
        Assert.DoesNotContain(await DeadAsync(hq), d => d.GetProperty("id").GetInt64() == row.Id);

        var (twice, conflict) = await hq.PostAsync($"/api/wecom/deliveries/{row.Id}/retry");
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("sent", conflict.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await hq.PostAsync("/api/wecom/deliveries/999999999/retry")).Status);
    }

    [Fact]
    public async Task WeCom_busy_every_time_retries_with_growing_waits_and_gives_up_after_the_last_attempt()
    {
        await app.PublishAsync(Definitions.Notice("dl-busy", app.ClerkA));
        await app.OutageAsync("busy");
        try
        {
            var instanceId = (await app.StartAsync("dl-busy", new { title = "忙", note = "系统繁忙测试" })).InstanceId();
            var waits = new List<TimeSpan>();
            for (var attempt = 1; attempt <= 8; attempt++)
            {
                await app.UntilCountAsync("select count(*) from wf_outbox where instance_id = @instanceId and attempts = @attempt and lease_until is null",
                    1, $"attempt {attempt} settled", new { instanceId, attempt });
                var next = await app.ScalarAsync<DateTime?>("select next_attempt_at from wf_outbox where instance_id = @instanceId", new { instanceId });
                if (next is { } due)
                {
                    var wait = new DateTimeOffset(due, TimeSpan.Zero) - app.Clock.GetUtcNow();
                    waits.Add(wait);
                    app.Clock.Advance(wait);
                }
            }

            var row = Assert.Single(await app.RowsAsync("instance_id = @instanceId", new { instanceId }));
            Assert.Equal("dead", row.Status);
            Assert.Equal(8, row.Attempts);
            Assert.Contains("已尝试 8 次", row.LastError, StringComparison.Ordinal);
            Assert.Equal([10, 20, 40, 80, 160, 300, 300], waits.Select(w => (int)w.TotalSeconds));
            Assert.Contains(await DeadAsync(await app.HqAsync()), d => d.GetProperty("id").GetInt64() == row.Id);
        }
        finally
        {
            await app.OutageAsync("none");
        }
    }

    [Fact]
    public async Task Only_HQ_sees_the_deliveries()
    {
        var (status, _) = await (await app.ClientAsync(app.ManagerA)).GetJsonAsync("/api/wecom/deliveries?status=dead");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (retry, _) = await (await app.ClientAsync(app.ManagerA)).PostAsync("/api/wecom/deliveries/1/retry");
        Assert.Equal(HttpStatusCode.Forbidden, retry);
        var (bad, problem) = await (await app.HqAsync()).GetJsonAsync("/api/wecom/deliveries?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("status", problem.ErrorFields());
    }

    [Fact]
    public async Task The_list_is_newest_first_in_pages()
    {
        await app.PublishAsync(Definitions.Notice("dl-pages", app.ClerkA));
        for (var i = 0; i < 3; i++)
        {
            await app.StartAsync("dl-pages", new { title = "分页 " + DeliveryApp.Text(i), note = "第几条" });
        }

        var hq = await app.HqAsync();
        var (_, first) = await hq.GetJsonAsync("/api/wecom/deliveries?limit=2");
        var ids = first.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(ids[0] > ids[1]);
        var before = first.GetProperty("nextBefore").GetInt64();
        var (_, second) = await hq.GetJsonAsync($"/api/wecom/deliveries?limit=2&before={before}");
        Assert.All(second.GetProperty("items").EnumerateArray(), d => Assert.True(d.GetProperty("id").GetInt64() < ids[1]));
    }

    private static async Task<IReadOnlyList<JsonElement>> DeadAsync(HttpClient hq)
    {
        var (status, page) = await hq.GetJsonAsync("/api/wecom/deliveries?status=dead&limit=200");
        Assert.Equal(HttpStatusCode.OK, status);
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
