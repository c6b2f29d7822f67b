using System.Net;
using System.Web;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>A tap on a simulated phone: a sealed template_card_event posted to StoreStock, with a single-use response code.</summary>
public sealed class ClickTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task A_click_posts_an_event_that_decrypts_with_the_host_options_to_the_expected_fields()
    {
        var token = await App.TokenAsync();
        var taskId = SimMessages.NewTaskId();
        await App.SendAsync(token, SimMessages.Approval("click1", taskId));
        App.Clock.Advance(TimeSpan.FromMinutes(3));

        var (status, result, body) = await App.ClickAsync("click1", taskId, "Approve");

        Assert.True(status == HttpStatusCode.OK, body);
        var posted = (await App.CallbacksAsync()).Single();
        Assert.Equal(result!.CallbackId, posted.Id);
        Assert.Equal(posted.Attempts.Single().Status, result.CallbackStatus);
        Assert.NotEqual(0, result.CallbackStatus); // the host answered (404 until /wecom/callback exists)
        Assert.Equal("/wecom/callback", posted.Url.AbsolutePath);
        Assert.Equal(App.ClientOptions.BaseAddress.Authority, posted.Url.Authority);

        var query = HttpUtility.ParseQueryString(posted.Url.Query);
        var crypt = new WeComMessageCrypt(App.WeCom.Token, App.WeCom.EncodingAESKey, App.WeCom.CorpId);
        var xml = WeComXml.Parse(crypt.DecryptMessage(query["msg_signature"], query["timestamp"], query["nonce"], posted.Envelope));
        var now = App.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(now, query["timestamp"]);
        Assert.Equal(App.WeCom.CorpId, xml.Child("ToUserName"));
        Assert.Equal("click1", xml.Child("FromUserName"));
        Assert.Equal(now, xml.Child("CreateTime"));
        Assert.Equal("event", xml.Child("MsgType"));
        Assert.Equal("template_card_event", xml.Child("Event"));
        Assert.Equal("Approve", xml.Child("EventKey"));
        Assert.Equal(taskId, xml.Child("TaskId"));
        Assert.Equal("button_interaction", xml.Child("CardType"));
        Assert.Equal(result.ResponseCode, xml.Child("ResponseCode"));
        Assert.Equal(App.WeCom.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Child("AgentID"));
        Assert.Equal(App.WeCom.CorpId, WeComXml.Parse(posted.Envelope).Child("ToUserName"));
    }

    [Fact]
    public async Task The_click_response_code_updates_the_card_once_and_a_greyed_card_cannot_be_clicked()
    {
        var token = await App.TokenAsync();
        var taskId = SimMessages.NewTaskId();
        await App.SendAsync(token, SimMessages.Approval("click2", taskId));
        var (_, click, _) = await App.ClickAsync("click2", taskId, "Reject");
        var update = new TemplateCardUpdate { Userids = ["click2"], AgentId = App.WeCom.AgentId, ResponseCode = click!.ResponseCode, Button = new ReplaceButton("已驳回") };

        Assert.Equal(0, ErrCode(await App.CgiAsync("message/update_template_card", token, update)));
        Assert.Equal(60140, ErrCode(await App.CgiAsync("message/update_template_card", token, update)));
        Assert.Equal(HttpStatusCode.Conflict, (await App.ClickAsync("click2", taskId, "Approve")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClickAsync("click2", SimMessages.NewTaskId(), "Approve")).Status);
        Assert.Equal(1, (await App.StatsAsync()).Clicks);
    }

    [Fact]
    public async Task A_key_that_is_not_on_the_card_is_refused()
    {
        var taskId = SimMessages.NewTaskId();
        await App.SendAsync(await App.TokenAsync(), SimMessages.Approval("click3", taskId));

        Assert.Equal(HttpStatusCode.BadRequest, (await App.ClickAsync("click3", taskId, "Escalate")).Status);
        Assert.Empty(await App.CallbacksAsync());
    }

    [Fact]
    public async Task A_posted_callback_can_be_replayed_exactly()
    {
        var taskId = SimMessages.NewTaskId();
        await App.SendAsync(await App.TokenAsync(), SimMessages.Approval("click4", taskId));
        var (_, click, _) = await App.ClickAsync("click4", taskId, "Approve");

        var (status, _) = await App.Http.PostAsync($"/wecom-sim/api/callbacks/{click!.CallbackId}/replay");

        Assert.Equal(HttpStatusCode.OK, status);
        var posted = (await App.CallbacksAsync()).Single();
        Assert.Equal(2, posted.Attempts.Count);
    }
}
