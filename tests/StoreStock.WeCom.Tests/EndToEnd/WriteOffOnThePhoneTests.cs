using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StoreStock.WeCom.Tests.EndToEnd;

/// <summary>
/// The whole loop with no WeCom corp: a clerk's write-off becomes a card on the manager's simulated phone; a tap on
/// 同意 in the browser sends a signed, encrypted callback that approves it as the manager; the card turns into 已同意.
/// </summary>
public sealed class WriteOffOnThePhoneTests(PhoneChainApp app, BrowserSession browser)
    : IClassFixture<PhoneChainApp>, IClassFixture<BrowserSession>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task Approving_on_the_managers_phone_posts_the_write_off_and_the_card_shows_it()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 10)));
        var taskId = await app.OpenCardAsync(instanceId);

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.PhoneUrl(app.ManagerA));
        var card = CardOf(page, app.ManagerA, taskId);
        await Expect(card).ToHaveAttributeAsync("data-state", "open", Patient);
        await Expect(card).ToContainTextAsync(number);

        await card.Locator("button[data-key='Approve']").ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-state", "replaced", Patient);
        await Expect(card.Locator("button[data-replaced]")).ToHaveTextAsync("已同意");
        Assert.Equal("posted", (await app.DocumentAsync(number)).GetProperty("status").GetString());
        Assert.Equal(40, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
        Assert.Equal("user:" + app.ManagerA, (await app.DocumentAsync(number)).GetProperty("decidedBy").GetString());
    }

    [Fact]
    public async Task An_escalated_write_off_lands_on_the_supervisors_phone_and_the_managers_late_tap_shows_who_decided()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 5)));
        var taskId = await app.OpenCardAsync(instanceId);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.PhoneUrl(app.ManagerA));
        var managersCard = CardOf(page, app.ManagerA, taskId).First;
        await Expect(managersCard).ToHaveAttributeAsync("data-state", "open", Patient);

        app.AdvanceTo(app.Clock.GetUtcNow() + TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var supervisorPage = await browser.Browser.NewPageAsync();
        await supervisorPage.GotoAsync(app.PhoneUrl(app.EastSupervisor));
        // The escalation's card, and the 4-hour reminder too when Quartz fires it after the escalation: either decides.
        var supervisorsCard = CardOf(supervisorPage, app.EastSupervisor, taskId).First;
        await Expect(supervisorsCard).ToHaveAttributeAsync("data-state", "open", Patient);
        await Expect(supervisorsCard).ToContainTextAsync(number);
        await supervisorsCard.Locator("button[data-key='Approve']").ClickAsync();
        await Expect(supervisorsCard).ToHaveAttributeAsync("data-state", "replaced", Patient);
        Assert.Equal("posted", (await app.DocumentAsync(number)).GetProperty("status").GetString());

        // The manager taps the card they had all along: nothing is decided twice, the card shows the outcome.
        await managersCard.Locator("button[data-key='Approve']").ClickAsync();
        await Expect(managersCard).ToHaveAttributeAsync("data-state", "replaced", Patient);
        await Expect(managersCard.Locator("button[data-replaced]")).ToContainTextAsync("已由");
        Assert.Equal(45, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
    }

    /// <summary>The card(s) of one StoreStock task on one member's phone: the task_id starts with the task's id.</summary>
    private static ILocator CardOf(IPage page, string user, Guid taskId) =>
        page.Locator($".phone[data-user='{user}'] .card[data-task-id^='t{taskId:N}_']");
}
