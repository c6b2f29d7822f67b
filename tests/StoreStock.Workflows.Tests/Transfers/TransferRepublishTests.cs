using System.Text.Json.Nodes;

namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>HQ lowers the shipped definition's threshold and republishes: new transfers follow it, running ones keep their version.</summary>
public sealed class TransferRepublishTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly TransferDriver _transfers = new(app);

    [Fact]
    public async Task A_lowered_threshold_applies_to_new_transfers_and_not_to_running_ones()
    {
        var product = await app.ProductWithStockAsync(100m, (app.StoreA.SellingLocationId, 50));
        var running = (await _transfers.RequestAsync(product, 6)).Number(); // 600

        var (_, shipped) = await (await app.HqAsync()).GetJsonAsync("/api/workflows/definitions/transfer");
        var edited = JsonNode.Parse(shipped.GetRawText()!.Replace("totalValue > 2000", "totalValue > 500", StringComparison.Ordinal))!;
        Assert.Equal(2, await app.PublishAsync(edited));

        await _transfers.ApproveAsync(running, app.ManagerA);
        await _transfers.OpenCardAsync(running, "pick");
        Assert.Equal(1, await VersionAsync(running));

        var fresh = (await _transfers.RequestAsync(product, 6)).Number();
        await _transfers.ApproveAsync(fresh, app.ManagerA);
        Assert.Equal([app.EastSupervisor], (await _transfers.OpenCardAsync(fresh, "approval")).Assignees());
        Assert.Equal(2, await VersionAsync(fresh));
    }

    private async Task<int> VersionAsync(string number)
    {
        var instance = await app.InstanceAsync((await _transfers.GetAsync(number)).GetProperty("instanceId").GetGuid());
        return instance.GetProperty("instance").GetProperty("version").GetInt32();
    }
}
