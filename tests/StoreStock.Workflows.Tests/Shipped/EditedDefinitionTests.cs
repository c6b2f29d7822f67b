using System.Net;
using System.Text.Json.Nodes;

namespace StoreStock.Workflows.Tests.Shipped;

/// <summary>HQ edits a shipped definition like any other: new instances follow the new version, running ones keep theirs.</summary>
public sealed class EditedDefinitionTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task A_lower_threshold_and_an_HQ_level_apply_to_new_write_offs_only()
    {
        var product = await app.ProductWithStockAsync(30m, (app.StoreA.SellingLocationId, 200));
        var (runningId, runningNumber, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 10)));   // 300 元

        var hq = await app.HqAsync();
        var (_, shipped) = await hq.GetJsonAsync("/api/workflows/definitions/write-off");
        var edited = JsonNode.Parse(shipped.GetRawText())!.AsObject();
        var approve = edited["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "approve")!;
        var levels = approve["inputs"]!["levels"]!.AsArray();
        levels[1]!["condition"] = "value > 200";
        levels.Add(new JsonObject { ["role"] = "hq_admin", ["condition"] = "value > 1000", ["title"] = "总部审批报损 {{documentNumber}}" });
        Assert.Equal(2, await app.PublishAsync(edited));

        // New: 300 元 is now over the supervisor's threshold.
        var (newId, newNumber, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 10)));
        await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(newId), "Approve");
        var supervisorCard = await app.OpenCardAsync(newId);
        Assert.Equal([app.EastSupervisor], (await app.InstanceAsync(newId)).Card(supervisorCard).Assignees());

        // Running: still on version 1, where 300 元 needs only the manager.
        var (decided, _) = await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(runningId), "Approve");
        Assert.Equal(HttpStatusCode.OK, decided);
        var running = await app.InstanceAsync(runningId);
        Assert.Equal(1, running.GetProperty("instance").GetProperty("version").GetInt32());
        Assert.Equal("finished", running.Status());
        Assert.Equal("posted", (await app.DocumentAsync(runningNumber)).GetProperty("status").GetString());
        Assert.Equal("submitted", (await app.DocumentAsync(newNumber)).GetProperty("status").GetString());
        Assert.Equal(2, (await app.InstanceAsync(newId)).GetProperty("instance").GetProperty("version").GetInt32());

        // The added level: 1,200 元 goes manager → supervisor → HQ.
        var (bigId, bigNumber, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 40)));
        await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(bigId), "Approve");
        await app.DecideAsync(app.EastSupervisor, await app.OpenCardAsync(bigId), "Approve");
        var hqCard = await app.OpenCardAsync(bigId);
        Assert.Equal([app.Hq], (await app.InstanceAsync(bigId)).Card(hqCard).Assignees());
        await app.DecideAsync(app.Hq, hqCard, "Approve");
        Assert.Equal("posted", (await app.DocumentAsync(bigNumber)).GetProperty("status").GetString());
    }
}
