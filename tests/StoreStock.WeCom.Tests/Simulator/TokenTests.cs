namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>gettoken and the token checks every business call makes, on the host's clock.</summary>
public sealed class TokenTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task Wrong_corp_id_or_secret_is_refused_and_a_missing_one_named()
    {
        Assert.Equal(40013, ErrCode(await App.GetTokenAsync("wwsomeoneelse", App.WeCom.Secret)));
        Assert.Equal(40001, ErrCode(await App.GetTokenAsync(App.WeCom.CorpId, "wrong-secret")));
        Assert.Equal(41002, ErrCode(await App.GetTokenAsync("", App.WeCom.Secret)));
        Assert.Equal(41004, ErrCode(await App.GetTokenAsync(App.WeCom.CorpId, "")));
        Assert.Equal(0, (await App.StatsAsync()).TokensIssued);
    }

    [Fact]
    public async Task A_token_is_the_same_inside_its_validity_and_expires_after_7200_seconds_of_the_host_clock()
    {
        var first = await App.GetTokenAsync(App.WeCom.CorpId, App.WeCom.Secret);
        Assert.Equal(7200, first.GetProperty("expires_in").GetInt32());
        var token = first.GetProperty("access_token").GetString()!;
        Assert.Equal(token, await App.TokenAsync());

        Assert.Equal(0, ErrCode(await App.SendAsync(token, SimMessages.Text("tok1", "在有效期内"))));
        App.Clock.Advance(TimeSpan.FromSeconds(7201));
        Assert.Equal(42001, ErrCode(await App.SendAsync(token, SimMessages.Text("tok1", "过期"))));

        var renewed = await App.TokenAsync();
        Assert.NotEqual(token, renewed);
        Assert.Equal(0, ErrCode(await App.SendAsync(renewed, SimMessages.Text("tok1", "新令牌"))));
    }

    [Fact]
    public async Task Invalidated_unknown_and_missing_tokens_are_refused()
    {
        var token = await App.TokenAsync();
        using (var response = await App.Http.PostAsync(new Uri("/wecom-sim/control/invalidate-tokens", UriKind.Relative), null))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(40014, ErrCode(await App.SendAsync(token, SimMessages.Text("tok2", "x"))));
        Assert.Equal(40014, ErrCode(await App.SendAsync("made-up", SimMessages.Text("tok2", "x"))));
        Assert.Equal(41001, ErrCode(await App.SendAsync("", SimMessages.Text("tok2", "x"))));
        Assert.Empty(await App.MessagesAsync("tok2"));
    }
}
