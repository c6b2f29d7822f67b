namespace StoreStock.Workflows.Tests.Replenishment;

/// <summary>The shipped deadlines: the manager's confirmation is reminded after 4 h and goes to the regional supervisor after 12 h.</summary>
public sealed class ReplenishmentDeadlineTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task An_unconfirmed_order_reminds_the_manager_then_goes_to_the_supervisor_who_can_confirm_it()
    {
        var kit = new ReplenishmentKit(app);
        var shop = await kit.ShopAsync();
        var bread = await kit.ProductAsync(shop, cost: 10, openingStock: 2, safetyStock: 20);
        var startedAt = app.Clock.GetUtcNow();
        var instanceId = await kit.RunAsync(shop);
        var card = (await app.InstanceAsync(instanceId)).Card("confirm").GetProperty("id").GetGuid();

        app.AdvanceTo(startedAt.AddHours(4).AddMinutes(1));
        await app.EventuallyAsync(instanceId, d => d.Card(card).HistoryEvents().Contains("reminded"), "the 4 h reminder");
        Assert.Equal([shop.Manager], await app.RecipientsAsync(instanceId, "remind"));

        app.AdvanceTo(startedAt.AddHours(12).AddMinutes(1));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(card).EscalationLevel() == 1, "the 12 h escalation");
        Assert.Equal([app.EastSupervisor], detail.Card(card).Assignees());

        var (status, body) = await kit.CompleteAsync(app.EastSupervisor, card, new[] { new { productId = bread, quantity = 18 } });
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        var ordered = await kit.OrderOfAsync(shop);
        Assert.Equal("ordered", ordered.GetProperty("status").GetString());
        Assert.Equal($"user:{app.EastSupervisor}", ordered.GetProperty("confirmedBy").GetString());
    }
}
