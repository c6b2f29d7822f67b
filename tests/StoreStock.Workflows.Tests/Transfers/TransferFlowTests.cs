using System.Net;

namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>
/// The shipped transfer workflow end to end through the API: stock at both ends after each stage (reserved at the
/// source, in transit at the destination, on hand after receipt), partial shipment, discrepancies, rejection, cancel.
/// </summary>
public sealed class TransferFlowTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly TransferDriver _transfers = new(app);

    [Fact]
    public async Task A_transfer_reserves_ships_into_transit_and_is_received_at_the_destination()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 50));
        var (source, destination) = (app.StoreA.SellingLocationId, app.StoreB.SellingLocationId);

        var requested = await _transfers.RequestAsync(product, 10);
        var number = requested.Number();
        Assert.StartsWith("DB", number, StringComparison.Ordinal);
        Assert.Equal("requested", requested.TransferStatus());
        Assert.Equal(100m, requested.GetProperty("totalValue").GetDecimal());
        Assert.False(requested.GetProperty("crossRegion").GetBoolean());
        Assert.NotEqual(Guid.Empty, requested.GetProperty("instanceId").GetGuid());
        await _transfers.AssertLevelAsync(source, product.Id, onHand: 50, reserved: 10, inTransit: 0);

        await _transfers.ApproveAsync(number, app.ManagerA);
        Assert.Equal("approved", (await _transfers.GetAsync(number)).TransferStatus());
        var pick = await _transfers.OpenCardAsync(number, "pick");
        Assert.Equal([app.ClerkA, app.ClerkA2], pick.Assignees().Order(StringComparer.Ordinal));

        await _transfers.CompleteLinesAsync(number, "pick", app.ClerkA, (product.Id, 10));
        Assert.Equal("shipped", (await _transfers.GetAsync(number)).TransferStatus());
        await _transfers.AssertLevelAsync(source, product.Id, onHand: 40, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(destination, product.Id, onHand: 0, reserved: 0, inTransit: 10);
        var receipt = await _transfers.OpenCardAsync(number, "receipt");
        Assert.Equal([app.ClerkB], receipt.Assignees());
        Assert.Equal(app.StoreB.Id, receipt.GetProperty("storeId").GetInt32());

        await _transfers.CompleteLinesAsync(number, "receipt", app.ClerkB, (product.Id, 10));
        var received = await _transfers.GetAsync(number, app.ClerkB);
        Assert.Equal("received", received.TransferStatus());
        Assert.Equal("finished", received.GetProperty("instanceStatus").GetString());
        Assert.Equal(0m, received.Line(product.Id).GetProperty("discrepancy").GetDecimal());
        await _transfers.AssertLevelAsync(source, product.Id, onHand: 40, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(destination, product.Id, onHand: 10, reserved: 0, inTransit: 0);
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
    }

    [Fact]
    public async Task A_shipment_may_go_down_but_not_up_and_a_short_receipt_is_kept_as_a_discrepancy()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 50));
        var (source, destination) = (app.StoreA.SellingLocationId, app.StoreB.SellingLocationId);
        var number = await _transfers.ApprovedAsync(product, 10);

        var pick = (await _transfers.OpenCardAsync(number, "pick")).GetProperty("id").GetGuid();
        var (status, problem) = await _transfers.CompleteAsync(app.ClerkA, pick, TransferDriver.Lines((product.Id, 11)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("payload.lines[0].quantity", problem.ErrorFields());
        Assert.Equal("approved", (await _transfers.GetAsync(number)).TransferStatus());
        await _transfers.AssertLevelAsync(source, product.Id, onHand: 50, reserved: 10, inTransit: 0);

        await _transfers.CompleteLinesAsync(number, "pick", app.ClerkA, (product.Id, 6));
        await _transfers.AssertLevelAsync(source, product.Id, onHand: 44, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(destination, product.Id, onHand: 0, reserved: 0, inTransit: 6);

        await _transfers.CompleteLinesAsync(number, "receipt", app.ClerkB, (product.Id, 5));
        var line = (await _transfers.GetAsync(number)).Line(product.Id);
        Assert.Equal((10m, 6m, 5m, -1m), (line.GetProperty("requested").GetDecimal(), line.GetProperty("shipped").GetDecimal(),
            line.GetProperty("received").GetDecimal(), line.GetProperty("discrepancy").GetDecimal()));
        await _transfers.AssertLevelAsync(destination, product.Id, onHand: 5, reserved: 0, inTransit: 0);
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
    }

    [Fact]
    public async Task Receiving_more_than_shipped_records_an_over_discrepancy()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 20));
        var number = await _transfers.ApprovedAsync(product, 8);
        await _transfers.CompleteLinesAsync(number, "pick", app.ClerkA, (product.Id, 8));

        await _transfers.CompleteLinesAsync(number, "receipt", app.ClerkB, (product.Id, 9));

        var line = (await _transfers.GetAsync(number)).Line(product.Id);
        Assert.Equal(1m, line.GetProperty("discrepancy").GetDecimal());
        await _transfers.AssertLevelAsync(app.StoreB.SellingLocationId, product.Id, onHand: 9, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 12, reserved: 0, inTransit: 0);
    }

    [Fact]
    public async Task A_rejected_transfer_releases_the_reserved_stock()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 30));
        var number = (await _transfers.RequestAsync(product, 12)).Number();
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 30, reserved: 12, inTransit: 0);

        var card = await _transfers.OpenCardAsync(number, "approval");
        var (status, body) = await _transfers.CompleteAsync(app.ManagerA, card.GetProperty("id").GetGuid(), new { outcome = "Reject", payload = new { comment = "本店也缺货" } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());

        TransferDriver.AssertEnded(await _transfers.GetAsync(number), "rejected", "finished");
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 30, reserved: 0, inTransit: 0);
    }

    [Fact]
    public async Task Cancel_before_shipping_releases_and_after_shipping_is_a_conflict()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 30));
        var approved = await _transfers.ApprovedAsync(product, 5);
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 30, reserved: 5, inTransit: 0);

        var (status, cancelled) = await (await app.ClientAsync(app.ManagerB)).PostAsync($"/api/transfers/{approved}/cancel");
        Assert.True(status == HttpStatusCode.OK, cancelled.ToString());
        TransferDriver.AssertEnded(cancelled, "cancelled", "cancelled");
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 30, reserved: 0, inTransit: 0);

        var shipped = await _transfers.ApprovedAsync(product, 4);
        await _transfers.CompleteLinesAsync(shipped, "pick", app.ClerkA, (product.Id, 4));
        (status, var problem) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/transfers/{shipped}/cancel");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("shipped", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("shipped", (await _transfers.GetAsync(shipped)).TransferStatus());
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 26, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(app.StoreB.SellingLocationId, product.Id, onHand: 0, reserved: 0, inTransit: 4);
    }

    [Fact]
    public async Task Short_available_stock_ends_the_transfer_as_short_with_nothing_reserved()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 3));

        var transfer = await _transfers.RequestAsync(product, 5);

        TransferDriver.AssertEnded(transfer, "short", "finished");
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 3, reserved: 0, inTransit: 0);
    }

    [Fact]
    public async Task Completing_the_ship_card_twice_at_once_ships_once()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 30));
        var number = await _transfers.ApprovedAsync(product, 7);
        var pick = (await _transfers.OpenCardAsync(number, "pick")).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(
            _transfers.CompleteAsync(app.ClerkA, pick, TransferDriver.Lines((product.Id, 7))),
            _transfers.CompleteAsync(app.ClerkA2, pick, TransferDriver.Lines((product.Id, 7))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 23, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(app.StoreB.SellingLocationId, product.Id, onHand: 0, reserved: 0, inTransit: 7);
    }
}
