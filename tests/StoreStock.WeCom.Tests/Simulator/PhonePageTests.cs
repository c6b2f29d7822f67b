using Microsoft.Playwright;
using StoreStock.WeCom.Client;
using StoreStock.WeCom.Tests.EndToEnd;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>The phones page in a real browser: cards drawn with their hooks, a tap posting the callback, an update greying the buttons.</summary>
public sealed class PhonePageTests(WeComSimApp app, BrowserSession browser) : WeComSimTests(app), IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_card_is_drawn_a_tap_posts_its_callback_and_an_update_greys_the_buttons()
    {
        var token = await App.TokenAsync();
        var taskId = SimMessages.NewTaskId();
        await App.SendAsync(token, SimMessages.Text("page1", "牛奶库存低于安全库存，请查看 <a href=\"https://storestock.example/alerts\">预警</a>"));
        await App.SendAsync(token, new AppMessage { ToUser = "page1", MsgType = "markdown", Markdown = new TextContent("## 今日盘点\n**冷柜** <font color=\"warning\">待完成</font>") });
        await App.SendAsync(token, new AppMessage { ToUser = "page1", MsgType = "textcard", TextCard = new TextCardContent("调拨待收货", "<div class=\"gray\">11月20日</div><div class=\"highlight\">3 箱</div>", "https://storestock.example/t/1") });
        await App.SendAsync(token, SimMessages.Notice("page1", SimMessages.NewTaskId()));
        await App.SendAsync(token, SimMessages.Approval("page1", taskId));

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(App.ClientOptions.BaseAddress, "/wecom-sim/?user=page1").ToString());

        var phone = page.Locator(".phone[data-user='page1']");
        var card = phone.Locator($".card[data-task-id='{taskId}']");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "open");
        await Assertions.Expect(card.Locator("button[data-key]")).ToHaveTextAsync(["同意", "驳回"]);
        await Assertions.Expect(phone.Locator(".msg[data-type='text'] a")).ToHaveAttributeAsync("href", "https://storestock.example/alerts");
        await Assertions.Expect(phone.Locator(".markdown .warning")).ToHaveTextAsync("待完成");
        await Assertions.Expect(phone.Locator(".textcard .highlight")).ToHaveTextAsync("3 箱");
        await Assertions.Expect(phone.Locator(".text_notice [data-action='card']")).ToHaveAttributeAsync("href", "https://storestock.example/tasks/1");

        await card.Locator("button[data-key='Approve']").ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("同意");
        var click = Assert.Single(await App.CallbacksAsync());
        Assert.Equal(("page1", taskId, "Approve"), (click.UserId, click.TaskId, click.Key));

        var update = new TemplateCardUpdate { Userids = ["page1"], AgentId = App.WeCom.AgentId, ResponseCode = click.ResponseCode, Button = new ReplaceButton("已同意") };
        Assert.Equal(0, ErrCode(await App.CgiAsync("message/update_template_card", token, update)));
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "replaced");
        await Assertions.Expect(card.Locator("button[data-replaced]")).ToHaveTextAsync("已同意");
        await Assertions.Expect(card.Locator("button[data-key]")).ToHaveCountAsync(0);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "wecom-sim-phone.png") });
    }
}
