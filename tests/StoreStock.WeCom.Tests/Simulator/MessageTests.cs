using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>message/send: every type lands on its member's phone; the rules WeCom enforces refuse bad messages.</summary>
public sealed class MessageTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task Every_message_type_is_recorded_for_each_of_its_members()
    {
        var token = await App.TokenAsync();
        var approval = SimMessages.NewTaskId();
        var notice = SimMessages.NewTaskId();
        AppMessage[] messages =
        [
            SimMessages.Text("msgA|msgB", "牛奶库存低于安全库存"),
            new() { ToUser = "msgA", MsgType = "markdown", Markdown = new TextContent("**低库存** <font color=\"warning\">3 件</font>") },
            new() { ToUser = "msgA", MsgType = "textcard", TextCard = new TextCardContent("调拨待收货", "<div class=\"gray\">2026-11-20</div>", "https://storestock.example/t/1", "详情") },
            SimMessages.Approval("msgA", approval),
            SimMessages.Notice("msgA", notice),
        ];
        foreach (var message in messages)
        {
            var reply = await App.SendAsync(token, message);
            Assert.True(ErrCode(reply) == 0, reply.ToString());
            Assert.Equal("", reply.GetProperty("invaliduser").GetString());
            Assert.False(string.IsNullOrEmpty(reply.GetProperty("msgid").GetString()));
            Assert.Equal(message.MsgType == "template_card" && message.TemplateCard!.CardType == "button_interaction", reply.TryGetProperty("response_code", out _));
        }

        var phoneA = await App.MessagesAsync("msgA");
        Assert.Equal(["text", "markdown", "textcard", "template_card", "template_card"], phoneA.Select(m => m.Type));
        Assert.Equal("牛奶库存低于安全库存", (string?)phoneA[0].Content["content"]);
        Assert.Equal("调拨待收货", (string?)phoneA[2].Content["title"]);
        Assert.Equal(App.Clock.GetUtcNow(), phoneA[0].ReceivedAt);
        var card = phoneA[3].Card!;
        Assert.Equal((approval, "button_interaction", "open"), (card.TaskId, card.CardType, card.State));
        Assert.Equal("Approve", (string?)card.Current["button_list"]![0]!["key"]);
        Assert.Equal("https://storestock.example/tasks/1", (string?)phoneA[4].Card!.Current["card_action"]!["url"]);
        Assert.Equal(["text"], (await App.MessagesAsync("msgB")).Select(m => m.Type));
        Assert.Equal(6, (await App.StatsAsync()).Delivered);
    }

    public static TheoryData<string, int> Refusals() => new()
    {
        { """{"touser":"r1","msgtype":"text","agentid":AGENT,"text":{"content":""}}""", 44004 },
        { """{"touser":"r1","msgtype":"text","agentid":AGENT,"text":{"content":"LONG"}}""", 45002 },
        { """{"touser":"r1","msgtype":"markdown","agentid":AGENT,"markdown":{"content":"LONG"}}""", 45002 },
        { """{"touser":"r1","msgtype":"textcard","agentid":AGENT,"textcard":{"title":"t","url":"https://x.example"}}""", 41033 },
        { """{"touser":"r1","msgtype":"textcard","agentid":AGENT,"textcard":{"title":"t","description":"d"}}""", 41010 },
        { """{"touser":"r1","msgtype":"voice","agentid":AGENT,"voice":{"media_id":"m"}}""", 40008 },
        { """{"touser":"r1","msgtype":"text","agentid":1,"text":{"content":"x"}}""", 40056 },
        { """{"touser":"r1","msgtype":"text","text":{"content":"x"}}""", 41011 },
        { """{"touser":"r1","msgtype":"text",""", 40058 },
        { """{"touser":"not valid!","msgtype":"text","agentid":AGENT,"text":{"content":"x"}}""", 81013 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"button_interaction","task_id":"bad id","button_list":[{"text":"同意","key":"Approve"}]}}""", 42014 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"button_interaction","button_list":[{"text":"同意","key":"Approve"}]}}""", 42014 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"button_interaction","task_id":"t1","button_list":[{"text":"同意"}]}}""", 42019 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"button_interaction","task_id":"t1","button_list":[{"text":"同意","key":"A"},{"text":"驳回","key":"A"}]}}""", 42018 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"button_interaction","task_id":"t1","button_list":[]}}""", 40058 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"text_notice","main_title":{"title":"x"}}}""", 40058 },
        { """{"touser":"r1","msgtype":"template_card","agentid":AGENT,"template_card":{"card_type":"fancy","task_id":"t1"}}""", 40058 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_message_breaking_a_rule_is_refused_with_its_errcode_and_not_delivered(string body, int errcode)
    {
        var json = body.Replace("AGENT", App.WeCom.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("LONG", new string('库', 683), StringComparison.Ordinal); // 683 × 3 bytes = 2049
        var reply = await App.SendAsync(await App.TokenAsync(), json);

        Assert.Equal(errcode, ErrCode(reply));
        Assert.Contains("more info", reply.GetProperty("errmsg").GetString(), StringComparison.Ordinal);
        Assert.Empty(await App.MessagesAsync("r1"));
        Assert.Equal(1, (await App.StatsAsync()).Errors);
    }

    [Fact]
    public async Task Seven_buttons_are_too_many()
    {
        var seven = Enumerable.Range(1, 7).Select(i => new CardButton($"选项{i}", $"k{i}")).ToList();
        var message = SimMessages.Approval("r2", SimMessages.NewTaskId());
        message = message with { TemplateCard = message.TemplateCard! with { ButtonList = seven } };

        Assert.Equal(40058, ErrCode(await App.SendAsync(await App.TokenAsync(), message)));
    }

    [Fact]
    public async Task A_task_id_is_unique_forever()
    {
        var token = await App.TokenAsync();
        var taskId = SimMessages.NewTaskId();
        Assert.Equal(0, ErrCode(await App.SendAsync(token, SimMessages.Approval("uniq1", taskId))));
        App.Clock.Advance(TimeSpan.FromDays(30));
        token = await App.TokenAsync();

        Assert.Equal(42014, ErrCode(await App.SendAsync(token, SimMessages.Approval("uniq2", taskId))));
        Assert.Empty(await App.MessagesAsync("uniq2"));
    }

    [Fact]
    public async Task Some_invalid_members_are_listed_and_the_others_still_get_the_message()
    {
        var reply = await App.SendAsync(await App.TokenAsync(), SimMessages.Text("part1|Bad Id", "x"));

        Assert.Equal(0, ErrCode(reply));
        Assert.Equal("bad id", reply.GetProperty("invaliduser").GetString());
        Assert.Single(await App.MessagesAsync("part1"));
    }
}
