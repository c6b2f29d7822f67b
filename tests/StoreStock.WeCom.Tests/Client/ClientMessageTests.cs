using Microsoft.Extensions.DependencyInjection;
using StoreStock.WeCom.Client;
using StoreStock.WeCom.Tests.Simulator;

namespace StoreStock.WeCom.Tests.Client;

/// <summary>The client as the host registers it: sends and updates reach the embedded simulator, or WeCom:BaseUrl when set.</summary>
public sealed class ClientMessageTests(WeComSimApp app) : WeComSimTests(app)
{
    [Fact]
    public async Task The_registered_client_sends_to_the_embedded_simulator_and_updates_the_card()
    {
        var client = App.Services.GetRequiredService<IWeComClient>();
        var taskId = SimMessages.NewTaskId();

        var sent = await client.SendAsync(SimMessages.Approval("dimgr|bad id", taskId), CancellationToken.None);
        Assert.NotNull(sent.ResponseCode);
        Assert.Equal("bad id", sent.InvalidUser);
        await client.UpdateTemplateCardAsync(new TemplateCardUpdate { Userids = ["dimgr"], ResponseCode = sent.ResponseCode!, Button = new ReplaceButton("已同意") }, CancellationToken.None);

        var card = (await App.MessagesAsync("dimgr")).Single().Card!;
        Assert.Equal((taskId, "replaced", "已同意"), (card.TaskId, card.State, card.ReplaceText));
        var reused = await Assert.ThrowsAsync<WeComApiException>(() => client.UpdateTemplateCardAsync(
            new TemplateCardUpdate { Userids = ["dimgr"], ResponseCode = sent.ResponseCode!, Button = new ReplaceButton("已驳回") }, CancellationToken.None));
        Assert.Equal((WeComErrorKind.InvalidRequest, 60140), (reused.Kind, reused.ErrorCode));
    }

    [Fact]
    public async Task Every_message_type_the_client_sends_is_accepted_as_WeCom_JSON()
    {
        var client = App.NewClient();
        AppMessage[] messages =
        [
            SimMessages.Text("types1", "文本"),
            new() { ToUser = "types1", MsgType = "markdown", Markdown = new TextContent("# 标题") },
            new() { ToUser = "types1", MsgType = "textcard", TextCard = new TextCardContent("卡片", "描述", "https://storestock.example/x") },
            SimMessages.Approval("types1", SimMessages.NewTaskId()),
            SimMessages.Notice("types1", SimMessages.NewTaskId()),
        ];
        foreach (var message in messages)
        {
            await client.SendAsync(message, CancellationToken.None);
        }

        Assert.Equal(["text", "markdown", "textcard", "template_card", "template_card"], (await App.MessagesAsync("types1")).Select(m => m.Type));
    }

    [Fact]
    public async Task With_a_base_url_the_client_calls_it_and_not_the_embedded_simulator()
    {
        var elsewhere = new Uri(App.ClientOptions.BaseAddress, "not-wecom/").ToString();
        var client = App.NewClient(o => o.BaseUrl = elsewhere);

        await Assert.ThrowsAsync<WeComUnreachableException>(() => client.SendAsync(SimMessages.Text("base1", "x"), CancellationToken.None));

        Assert.Equal(0, (await App.StatsAsync()).GettokenCalls);
    }
}
