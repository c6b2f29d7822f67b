using System.Net;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>The outage control: what the API answers while WeCom is down, busy or limiting.</summary>
public sealed class OutageTests(WeComSimApp app) : WeComSimTests(app)
{
    [Theory]
    [InlineData("busy", -1)]
    [InlineData("ratelimit", 45009)]
    public async Task Busy_and_rate_limited_answer_their_errcode_for_the_given_number_of_calls(string mode, int errcode)
    {
        var token = await App.TokenAsync();
        await App.OutageAsync(mode, calls: 2);

        Assert.Equal(errcode, ErrCode(await App.SendAsync(token, SimMessages.Text("out1", "1"))));
        Assert.Equal(errcode, ErrCode(await App.SendAsync(token, SimMessages.Text("out1", "2"))));
        Assert.Equal(0, ErrCode(await App.SendAsync(token, SimMessages.Text("out1", "3"))));

        Assert.Single(await App.MessagesAsync("out1"));
        var stats = await App.StatsAsync();
        Assert.Equal((3, 2), (stats.SendCalls, stats.OutageRefusals));
    }

    [Fact]
    public async Task Unreachable_answers_503_until_cleared_or_drops_the_connection()
    {
        await App.OutageAsync("unreachable");
        using (var response = await App.Http.GetAsync(new Uri("/wecom-sim/cgi-bin/gettoken?corpid=a&corpsecret=b", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        await App.OutageAsync("unreachable", abort: true);
        await Assert.ThrowsAsync<HttpRequestException>(() => App.Http.GetAsync(new Uri("/wecom-sim/cgi-bin/gettoken?corpid=a&corpsecret=b", UriKind.Relative)));

        await App.OutageAsync("none");
        Assert.False(string.IsNullOrEmpty(await App.TokenAsync()));
    }

    [Fact]
    public async Task An_unknown_mode_is_refused()
    {
        var (status, body) = await App.Http.PostAsync("/wecom-sim/control/outage", new { mode = "flaky" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("mode", body.ErrorFields());
    }
}
