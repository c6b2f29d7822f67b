namespace StoreStock.Workflows.Tests.WriteOffs;

/// <summary>The shipped deadline: a reminder to the manager after 4 h, the card to the regional supervisor after 24 h.</summary>
public sealed class WriteOffDeadlineTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task An_unanswered_write_off_reminds_the_manager_then_goes_to_the_regional_supervisor()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var submittedAt = app.Clock.GetUtcNow();
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 5)));
        var cardId = await app.OpenCardAsync(instanceId);

        app.AdvanceTo(submittedAt.AddHours(4).AddMinutes(1));
        await app.EventuallyAsync(instanceId, d => d.Card(cardId).HistoryEvents().Contains("reminded"), "the 4 h reminder");
        Assert.Equal([app.ManagerA], await app.RecipientsAsync(instanceId, "remind"));

        app.AdvanceTo(submittedAt.AddHours(24).AddMinutes(1));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(cardId).EscalationLevel() == 1, "the 24 h escalation");
        Assert.Equal([app.EastSupervisor], detail.Card(cardId).Assignees());
        Assert.Contains(cardId, await app.MyTaskIdsAsync(app.EastSupervisor));

        await app.DecideAsync(app.EastSupervisor, cardId, "Approve");
        Assert.Equal("posted", (await app.DocumentAsync(number)).GetProperty("status").GetString());
    }
}
