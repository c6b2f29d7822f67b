using StoreStock.WeCom.Client;
using StoreStock.WeCom.Tests.Simulator;

namespace StoreStock.WeCom.Tests.Client;

/// <summary>Busy and rate-limited WeCom is retried a bounded number of times; an unreachable one surfaces at once.</summary>
public sealed class FailureTests(WeComSimApp app) : WeComSimTests(app)
{
    [Theory]
    [InlineData("busy")]
    [InlineData("ratelimit")]
    public async Task A_short_busy_or_rate_limited_spell_is_ridden_out(string mode)
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("spell1", "先拿令牌"), CancellationToken.None);
        await App.OutageAsync(mode, calls: 3);

        var result = await client.SendAsync(SimMessages.Text("spell1", "重试后送达"), CancellationToken.None);

        Assert.NotNull(result.MsgId);
        Assert.Equal(2, (await App.MessagesAsync("spell1")).Count);
        Assert.Equal(1 + 4, (await App.StatsAsync()).SendCalls);
    }

    [Theory]
    [InlineData("busy", WeComErrorKind.Busy, -1)]
    [InlineData("ratelimit", WeComErrorKind.RateLimited, 45009)]
    public async Task A_lasting_one_fails_after_three_retries(string mode, WeComErrorKind kind, int errcode)
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("spell2", "先拿令牌"), CancellationToken.None);
        await App.OutageAsync(mode);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => client.SendAsync(SimMessages.Text("spell2", "x"), CancellationToken.None));

        Assert.Equal((kind, errcode, true), (error.Kind, error.ErrorCode, error.IsTransient));
        Assert.Equal(1 + 4, (await App.StatsAsync()).SendCalls);
        await App.OutageAsync("none");
        await client.SendAsync(SimMessages.Text("spell2", "恢复"), CancellationToken.None);
        Assert.Equal(2, (await App.MessagesAsync("spell2")).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Unreachable_WeCom_surfaces_as_WeComUnreachableException_without_retrying(bool abort)
    {
        var client = App.NewClient();
        await App.OutageAsync("unreachable", abort: abort);

        await Assert.ThrowsAsync<WeComUnreachableException>(() => client.SendAsync(SimMessages.Text("down1", "x"), CancellationToken.None));

        var stats = await App.StatsAsync();
        Assert.Equal((1, 0), (stats.GettokenCalls, stats.SendCalls));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_counts_as_unreachable()
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("slow1", "先拿令牌"), CancellationToken.None);
        await App.OutageAsync("timeout", calls: 1);

        var error = await Assert.ThrowsAsync<WeComUnreachableException>(() => client.SendAsync(SimMessages.Text("slow1", "x"), CancellationToken.None));

        Assert.IsType<TaskCanceledException>(error.InnerException);
        Assert.Single(await App.MessagesAsync("slow1"));
    }

    [Fact]
    public async Task A_send_whose_reply_was_lost_is_shown_once_when_resent_with_the_duplicate_check()
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("lost1", "先拿令牌"), CancellationToken.None);
        var card = SimMessages.Approval("lost1", SimMessages.NewTaskId(), duplicateCheck: 1);
        await App.OutageAsync("lostreply", calls: 1);

        await Assert.ThrowsAsync<WeComUnreachableException>(() => client.SendAsync(card, CancellationToken.None));
        var resent = await client.SendAsync(card, CancellationToken.None);

        Assert.NotNull(resent.MsgId);
        Assert.Equal(2, (await App.MessagesAsync("lost1")).Count);
        Assert.Equal(1, (await App.StatsAsync()).DuplicatesSuppressed);
    }

    [Fact]
    public async Task An_answer_that_is_not_WeCom_JSON_counts_as_unreachable()
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("html1", "先拿令牌"), CancellationToken.None);
        await App.OutageAsync("html", calls: 1);

        await Assert.ThrowsAsync<WeComUnreachableException>(() => client.SendAsync(SimMessages.Text("html1", "x"), CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_message_is_an_InvalidRequest_and_is_not_retried()
    {
        var client = App.NewClient();

        var error = await Assert.ThrowsAsync<WeComApiException>(() => client.SendAsync(SimMessages.Text("bad1", ""), CancellationToken.None));

        Assert.Equal((WeComErrorKind.InvalidRequest, 44004, false), (error.Kind, error.ErrorCode, error.IsTransient));
        Assert.Equal(1, (await App.StatsAsync()).SendCalls);
    }
}
