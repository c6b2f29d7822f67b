using StoreStock.WeCom.Client;
using StoreStock.WeCom.Tests.Simulator;

namespace StoreStock.WeCom.Tests.Client;

/// <summary>The access token: fetched once, shared by concurrent sends, refreshed before expiry, refetched once when rejected.</summary>
public sealed class TokenCacheTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task The_token_is_fetched_once_and_reused()
    {
        var client = App.NewClient();
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(SimMessages.Text("cache1", $"#{i}"), CancellationToken.None);
        }

        var stats = await App.StatsAsync();
        Assert.Equal((1, 3, 3), (stats.GettokenCalls, stats.SendCalls, stats.Delivered));
    }

    [Fact]
    public async Task Twenty_concurrent_sends_without_a_token_make_one_gettoken_call()
    {
        var client = App.NewClient();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendAsync(SimMessages.Text($"burst{i}", "并发"), CancellationToken.None)));

        var stats = await App.StatsAsync();
        Assert.Equal((1, 20, 20), (stats.GettokenCalls, stats.SendCalls, stats.Delivered));
    }

    [Fact]
    public async Task The_token_is_refreshed_once_the_clock_passes_five_minutes_before_expiry()
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("refresh1", "1"), CancellationToken.None);
        App.Clock.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
        await client.SendAsync(SimMessages.Text("refresh1", "2"), CancellationToken.None);
        Assert.Equal(1, (await App.StatsAsync()).GettokenCalls);

        App.Clock.Advance(TimeSpan.FromSeconds(2));
        await client.SendAsync(SimMessages.Text("refresh1", "3"), CancellationToken.None);

        var stats = await App.StatsAsync();
        Assert.Equal((2, 3, 0), (stats.GettokenCalls, stats.SendCalls, stats.Errors));
    }

    [Fact]
    public async Task Invalidated_tokens_cost_one_refetch_and_one_retry_even_for_a_burst()
    {
        var client = App.NewClient();
        await client.SendAsync(SimMessages.Text("inval0", "先拿令牌"), CancellationToken.None);
        await App.Http.PostAsync("/wecom-sim/control/invalidate-tokens");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendAsync(SimMessages.Text($"inval{i}", "令牌失效后"), CancellationToken.None)));

        var stats = await App.StatsAsync();
        Assert.Equal(2, stats.GettokenCalls);
        Assert.Equal(21, stats.Delivered);
        Assert.InRange(stats.SendCalls, 1 + 21, 1 + 40); // each send: at most its rejected try and one retry
    }

    [Fact]
    public async Task A_second_rejection_surfaces_as_TokenRejected_without_looping()
    {
        var client = App.NewClient();
        await App.OutageAsync("invalidtoken");

        var error = await Assert.ThrowsAsync<WeComApiException>(() => client.SendAsync(SimMessages.Text("reject1", "x"), CancellationToken.None));

        Assert.Equal((WeComErrorKind.TokenRejected, 40014), (error.Kind, error.ErrorCode));
        var stats = await App.StatsAsync();
        Assert.Equal((2, 2), (stats.GettokenCalls, stats.SendCalls));
    }

    [Fact]
    public async Task A_wrong_secret_or_corp_id_is_a_configuration_error_and_is_not_retried()
    {
        var secret = await Assert.ThrowsAsync<WeComApiException>(() =>
            App.NewClient(o => o.Secret = "rotated-away").SendAsync(SimMessages.Text("conf1", "x"), CancellationToken.None));
        var corp = await Assert.ThrowsAsync<WeComApiException>(() =>
            App.NewClient(o => o.CorpId = "wwnotours").SendAsync(SimMessages.Text("conf1", "x"), CancellationToken.None));

        Assert.Equal((WeComErrorKind.Configuration, 40001), (secret.Kind, secret.ErrorCode));
        Assert.Equal((WeComErrorKind.Configuration, 40013), (corp.Kind, corp.ErrorCode));
        var stats = await App.StatsAsync();
        Assert.Equal((2, 0), (stats.GettokenCalls, stats.SendCalls));
    }
}
