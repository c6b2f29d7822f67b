using System.Net;

namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>Who approves a transfer: the source store's manager; also the regional supervisor above 2000 or across regions.</summary>
public sealed class TransferApprovalTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly TransferDriver _transfers = new(app);

    [Fact]
    public async Task Below_the_threshold_within_a_region_the_store_manager_alone_approves()
    {
        var product = await app.ProductWithStockAsync(100m, (app.StoreA.SellingLocationId, 50));
        var number = (await _transfers.RequestAsync(product, 20)).Number(); // 2000: not above

        await _transfers.ApproveAsync(number, app.ManagerA);

        await _transfers.OpenCardAsync(number, "pick");
    }

    [Fact]
    public async Task Above_the_threshold_the_regional_supervisor_approves_after_the_store_manager()
    {
        var product = await app.ProductWithStockAsync(100m, (app.StoreA.SellingLocationId, 50));
        var number = (await _transfers.RequestAsync(product, 21)).Number(); // 2100

        await _transfers.ApproveAsync(number, app.ManagerA);
        var second = await _transfers.OpenCardAsync(number, "approval");
        Assert.Equal([app.EastSupervisor], second.Assignees());
        Assert.Equal("requested", (await _transfers.GetAsync(number)).TransferStatus());

        await _transfers.ApproveAsync(number, app.EastSupervisor);
        await _transfers.OpenCardAsync(number, "pick");
        Assert.Equal("approved", (await _transfers.GetAsync(number)).TransferStatus());
    }

    [Fact]
    public async Task A_transfer_to_another_region_needs_the_supervisor_whatever_its_value()
    {
        var product = await app.ProductWithStockAsync(1m, (app.StoreA.SellingLocationId, 50));
        var transfer = await _transfers.RequestAsync(product, 2, to: app.StoreC.Code);
        Assert.True(transfer.GetProperty("crossRegion").GetBoolean());

        await _transfers.ApproveAsync(transfer.Number(), app.ManagerA);

        Assert.Equal([app.EastSupervisor], (await _transfers.OpenCardAsync(transfer.Number(), "approval")).Assignees());
    }

    [Fact]
    public async Task The_threshold_is_a_literal_in_the_definition_that_hq_can_read()
    {
        var (status, definition) = await (await app.HqAsync()).GetJsonAsync("/api/workflows/definitions/transfer");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("totalValue > 2000 || crossRegion", definition.ToString(), StringComparison.Ordinal);
    }
}
