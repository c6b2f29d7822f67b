namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>enable_duplicate_check and the per-member limits: WeCom answers 0 either way, the phone shows the difference.</summary>
public sealed class DeliveryLimitTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task An_identical_request_inside_the_interval_is_acknowledged_but_not_delivered_again()
    {
        var token = await App.TokenAsync();
        var card = SimMessages.Approval("dup1", SimMessages.NewTaskId(), duplicateCheck: 1);
        var first = await App.SendAsync(token, card);
        App.Clock.Advance(TimeSpan.FromMinutes(29));
        var again = await App.SendAsync(token, card);

        Assert.Equal((0, 0), (ErrCode(first), ErrCode(again)));
        Assert.Equal(first.GetProperty("msgid").GetString(), again.GetProperty("msgid").GetString());
        Assert.Single(await App.MessagesAsync("dup1"));
        var stats = await App.StatsAsync();
        Assert.Equal((1, 1, 2), (stats.DuplicatesSuppressed, stats.Delivered, stats.SendCalls));

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(42014, ErrCode(await App.SendAsync(token, card)));
    }

    [Fact]
    public async Task Without_the_duplicate_check_the_same_text_arrives_twice()
    {
        var token = await App.TokenAsync();
        var text = SimMessages.Text("dup2", "同一条");
        await App.SendAsync(token, text);
        await App.SendAsync(token, text);

        Assert.Equal(2, (await App.MessagesAsync("dup2")).Count);
    }

    [Fact]
    public async Task The_31st_message_to_a_member_inside_a_minute_is_dropped_silently_and_counted()
    {
        var token = await App.TokenAsync();
        for (var i = 1; i <= 31; i++)
        {
            Assert.Equal(0, ErrCode(await App.SendAsync(token, SimMessages.Text("rate1|rate2", $"第 {i} 条"))));
            App.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(30, (await App.MessagesAsync("rate1")).Count);
        Assert.Equal(2, (await App.StatsAsync()).DroppedOverRateLimit);
        var users = await App.Http.GetJsonAsync("/wecom-sim/api/users");
        Assert.Contains(users.Body.EnumerateArray(), u => u.GetProperty("userId").GetString() == "rate1" && u.GetProperty("dropped").GetInt32() == 1);

        App.Clock.Advance(TimeSpan.FromSeconds(30)); // the first message is now more than a minute old
        await App.SendAsync(token, SimMessages.Text("rate1", "下一分钟"));
        Assert.Equal(31, (await App.MessagesAsync("rate1")).Count);
    }

    [Fact]
    public async Task A_member_gets_at_most_1000_messages_an_hour()
    {
        var token = await App.TokenAsync();
        for (var i = 1; i <= 1001; i++)
        {
            await App.SendAsync(token, SimMessages.Text("hourly", $"#{i}"));
            App.Clock.Advance(TimeSpan.FromSeconds(3)); // 20 a minute: under the minute limit
        }

        Assert.Equal(1000, (await App.MessagesAsync("hourly")).Count);
        Assert.Equal(1, (await App.StatsAsync()).DroppedOverRateLimit);
    }
}
