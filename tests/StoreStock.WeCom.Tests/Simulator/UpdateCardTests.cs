using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>update_template_card: single-use response codes, and the copies each update reaches.</summary>
public sealed class UpdateCardTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task The_send_response_code_greys_the_buttons_once_and_is_then_refused()
    {
        var token = await App.TokenAsync();
        var taskId = SimMessages.NewTaskId();
        var sent = await App.SendAsync(token, SimMessages.Approval("upd1|upd2", taskId));
        var code = sent.GetProperty("response_code").GetString()!;
        var update = new TemplateCardUpdate { Userids = ["upd1"], AgentId = App.WeCom.AgentId, ResponseCode = code, Button = new ReplaceButton("已同意") };

        Assert.Equal(0, ErrCode(await App.CgiAsync("message/update_template_card", token, update)));
        Assert.Equal(60140, ErrCode(await App.CgiAsync("message/update_template_card", token, update)));

        var mine = (await App.MessagesAsync("upd1")).Single().Card!;
        Assert.Equal(("replaced", "已同意"), (mine.State, mine.ReplaceText));
        var theirs = (await App.MessagesAsync("upd2")).Single().Card!;
        Assert.Equal(("open", null), (theirs.State, theirs.ReplaceText));
        Assert.Equal(1, (await App.StatsAsync()).UpdatesApplied);
    }

    [Fact]
    public async Task A_replacement_card_for_everyone_changes_every_copy()
    {
        var token = await App.TokenAsync();
        var taskId = SimMessages.NewTaskId();
        var sent = await App.SendAsync(token, SimMessages.Approval("all1|all2", taskId));
        var replacement = SimMessages.Approval("", taskId).TemplateCard! with { MainTitle = new CardTitle("报损审批（已处理）"), ReplaceText = "已驳回" };
        var update = new TemplateCardUpdate { Atall = 1, AgentId = App.WeCom.AgentId, ResponseCode = sent.GetProperty("response_code").GetString()!, TemplateCard = replacement };

        Assert.Equal(0, ErrCode(await App.CgiAsync("message/update_template_card", token, update)));
        foreach (var user in new[] { "all1", "all2" })
        {
            var card = (await App.MessagesAsync(user)).Single().Card!;
            Assert.Equal(("replaced", "已驳回"), (card.State, card.ReplaceText));
            Assert.Equal("报损审批（已处理）", (string?)card.Current["main_title"]!["title"]);
        }
    }

    [Fact]
    public async Task Unknown_and_expired_codes_are_refused_and_an_update_needs_a_target_and_a_change()
    {
        var token = await App.TokenAsync();
        var sent = await App.SendAsync(token, SimMessages.Approval("exp1", SimMessages.NewTaskId()));
        var code = sent.GetProperty("response_code").GetString()!;
        TemplateCardUpdate Update(string responseCode) => new() { Userids = ["exp1"], AgentId = App.WeCom.AgentId, ResponseCode = responseCode, Button = new ReplaceButton("已处理") };

        Assert.Equal(60140, ErrCode(await App.CgiAsync("message/update_template_card", token, Update("made-up"))));
        Assert.Equal(40058, ErrCode(await App.CgiAsync("message/update_template_card", token, Update(code) with { Userids = null })));
        Assert.Equal(42020, ErrCode(await App.CgiAsync("message/update_template_card", token, Update(code) with { Button = new ReplaceButton("") })));

        App.Clock.Advance(TimeSpan.FromHours(72));
        token = await App.TokenAsync();
        Assert.Equal(60140, ErrCode(await App.CgiAsync("message/update_template_card", token, Update(code))));
        Assert.Equal("open", (await App.MessagesAsync("exp1")).Single().Card!.State);
    }
}
