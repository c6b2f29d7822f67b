namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>
/// The shipped deadlines: an approval nobody gives is reminded after 4 h and escalated after 24 h; a pick nobody ships is
/// reminded after 24 h; a receipt nobody confirms is reminded after 24 h and escalated after 48 h to the destination's
/// regional supervisor.
/// </summary>
public sealed class TransferDeadlineTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly TransferDriver _transfers = new(app);

    [Fact]
    public async Task An_unconfirmed_receipt_is_reminded_then_escalated_to_the_destinations_supervisor()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 20));
        var number = (await _transfers.RequestAsync(product, 4, to: app.StoreC.Code)).Number();
        await _transfers.ApproveAsync(number, app.ManagerA);
        await _transfers.ApproveAsync(number, app.EastSupervisor);
        await _transfers.CompleteLinesAsync(number, "pick", app.ClerkA, (product.Id, 4));
        var card = await _transfers.OpenCardAsync(number, "receipt");
        var cardId = card.GetProperty("id").GetGuid();
        Assert.Equal([app.ClerkC], card.Assignees());
        var instanceId = (await _transfers.GetAsync(number)).GetProperty("instanceId").GetGuid();
        var createdAt = (await app.InstanceAsync(instanceId)).Card(cardId).GetProperty("createdAt").GetDateTimeOffset();

        app.AdvanceTo(createdAt + TimeSpan.FromHours(24));
        await app.EventuallyAsync(instanceId, d => d.Card(cardId).HistoryEvents().Contains("reminded"), "the reminder after 24 h");
        Assert.Equal([app.ClerkC], await app.RecipientsAsync(instanceId, "remind"));
        Assert.Empty(await app.RecipientsAsync(instanceId, "escalate"));

        app.AdvanceTo(createdAt + TimeSpan.FromHours(48));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(cardId).EscalationLevel() > 0, "the escalation after 48 h");
        Assert.Equal([app.ClerkC, app.SouthSupervisor], detail.Card(cardId).Assignees());
        Assert.Equal([app.SouthSupervisor], await app.RecipientsAsync(instanceId, "escalate"));
        Assert.Contains(cardId, await app.MyTaskIdsAsync(app.SouthSupervisor));
        Assert.DoesNotContain(cardId, await app.MyTaskIdsAsync(app.EastSupervisor));

        // The supervisor (or the clerk, who keeps the card) confirms; the goods arrive at C.
        await _transfers.CompleteLinesAsync(number, "receipt", app.SouthSupervisor, (product.Id, 4));
        await _transfers.AssertLevelAsync(app.StoreC.SellingLocationId, product.Id, onHand: 4, reserved: 0, inTransit: 0);
    }

    [Fact]
    public async Task An_unanswered_approval_goes_to_the_supervisor_and_an_unshipped_pick_is_reminded()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 20));
        var number = (await _transfers.RequestAsync(product, 3)).Number();
        var instanceId = (await _transfers.GetAsync(number)).GetProperty("instanceId").GetGuid();
        var approval = (await _transfers.OpenCardAsync(number, "approval")).GetProperty("id").GetGuid();
        var requestedAt = (await app.InstanceAsync(instanceId)).Card(approval).GetProperty("createdAt").GetDateTimeOffset();

        app.AdvanceTo(requestedAt + TimeSpan.FromHours(4));
        await app.EventuallyAsync(instanceId, d => d.Card(approval).HistoryEvents().Contains("reminded"), "the approval reminder after 4 h");
        Assert.Equal([app.ManagerA], await app.RecipientsAsync(instanceId, "remind"));

        app.AdvanceTo(requestedAt + TimeSpan.FromHours(24));
        var detail = await app.EventuallyAsync(instanceId, d => d.Card(approval).EscalationLevel() == 1, "the approval escalation after 24 h");
        Assert.Equal([app.EastSupervisor], detail.Card(approval).Assignees());
        await _transfers.ApproveAsync(number, app.EastSupervisor);

        var pick = await _transfers.OpenCardAsync(number, "pick");
        var pickId = pick.GetProperty("id").GetGuid();
        Assert.Equal(new[] { app.ClerkA, app.ClerkA2 }.Order(), pick.Assignees().Order());
        var pickedFrom = (await app.InstanceAsync(instanceId)).Card(pickId).GetProperty("createdAt").GetDateTimeOffset();
        app.AdvanceTo(pickedFrom + TimeSpan.FromHours(24));
        await app.EventuallyAsync(instanceId, d => d.Card(pickId).HistoryEvents().Contains("reminded"), "the pick reminder after 24 h");
        Assert.Contains(app.ClerkA, await app.RecipientsAsync(instanceId, "remind"));
    }
}
