using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StoreStock.TestSupport;

namespace StoreStock.Samples.Tests;

/// <summary>The host seeds the sample chain at start-up; the published demo credentials then work over HTTP.</summary>
public sealed class SeededHostTests(SeededHostTests.SampleChainApp app) : IClassFixture<SeededHostTests.SampleChainApp>
{
    public sealed class SampleChainApp : StoreStockApp
    {
        protected override int? SampleHistoryDays => 0;
    }

    [Theory]
    [InlineData(DemoApiKeys.Pos, new[] { "pos" })]
    [InlineData(DemoApiKeys.MiniProgram, new[] { "mini_program" })]
    [InlineData(DemoApiKeys.GroupBuy, new[] { "douyin", "meituan", "wechat_groupbuy" })]
    public async Task Demo_api_keys_authenticate_with_their_channels(string key, string[] channels)
    {
        using var client = app.ApiKeyClient(key);
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        Assert.Equal(channels, me.RootElement.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_wrong_secret_behind_a_demo_prefix_is_refused()
    {
        using var client = app.ApiKeyClient(Inventory.Access.Secrets.PrefixOf(DemoApiKeys.Pos) + "_guessed");
        using var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Admin, "hq_admin")]
    [InlineData(DemoUsers.SouthSupervisor, "regional_supervisor")]
    [InlineData("s003.manager", "store_manager")]
    [InlineData("s008.clerk2", "clerk")]
    public async Task Demo_users_sign_in_with_the_demo_password(string username, string role)
    {
        using var client = await app.ClientAsync(username, DemoUsers.Password);
        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(role, me.GetProperty("role").GetString());
    }
}
