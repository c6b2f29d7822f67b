using System.Net;

namespace StoreStock.Workflows.Tests.WriteOffs;

public sealed class WriteOffFlowTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task A_small_write_off_needs_only_the_store_manager_and_then_leaves_the_stock()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var (instanceId, number, body) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 10)));
        Assert.Equal("submitted", body.GetProperty("document").GetProperty("status").GetString());
        Assert.Equal(50, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));

        var detail = await app.InstanceAsync(instanceId);
        Assert.Equal(40m, detail.GetProperty("variables").GetProperty("value").GetDecimal());
        var card = detail.Card("approve");
        Assert.Equal([app.ManagerA], card.Assignees());
        Assert.Contains(number, card.GetProperty("title").GetString());

        var (status, _) = await app.DecideAsync(app.ManagerA, card.GetProperty("id").GetGuid(), "Approve", "属实");
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.Equal("finished", (await app.InstanceAsync(instanceId)).Status());
        var document = await app.DocumentAsync(number);
        Assert.Equal("posted", document.GetProperty("status").GetString());
        Assert.Equal("user:" + app.ManagerA, document.GetProperty("decidedBy").GetString());
        Assert.Equal("属实", document.GetProperty("decisionNote").GetString());
        Assert.Equal(40, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
    }

    [Fact]
    public async Task Above_500_yuan_the_regional_supervisor_approves_after_the_manager()
    {
        var product = await app.ProductWithStockAsync(40m, (app.StoreA.SellingLocationId, 30));
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 20)));

        await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(instanceId), "Approve");
        Assert.Equal("submitted", (await app.DocumentAsync(number)).GetProperty("status").GetString());
        Assert.Equal(30, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));

        var second = await app.OpenCardAsync(instanceId);
        Assert.Equal([app.EastSupervisor], (await app.InstanceAsync(instanceId)).Card(second).Assignees());
        var (status, _) = await app.DecideAsync(app.EastSupervisor, second, "Approve");
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.Equal("posted", (await app.DocumentAsync(number)).GetProperty("status").GetString());
        Assert.Equal(10, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
    }

    [Fact]
    public async Task A_rejected_write_off_keeps_the_comment_and_moves_no_stock()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var moves = await LedgerProbe.MoveCountAsync(app.Db);
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 5)));

        await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(instanceId), "Reject", "照片看不清，重新拍");

        var document = await app.DocumentAsync(number);
        Assert.Equal("rejected", document.GetProperty("status").GetString());
        Assert.Equal("照片看不清，重新拍", document.GetProperty("decisionNote").GetString());
        Assert.Equal(moves, await LedgerProbe.MoveCountAsync(app.Db));
        Assert.Equal("finished", (await app.InstanceAsync(instanceId)).Status());
    }

    [Fact]
    public async Task Stock_sold_before_the_approval_leaves_the_write_off_unposted_and_tells_the_manager()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 6));
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 5)));
        await app.OpeningStockAsync(app.StoreA.SellingLocationId, product.Id, -4);

        var (decided, answer) = await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(instanceId), "Approve");
        Assert.True(decided == HttpStatusCode.OK, answer.ToString());

        Assert.Equal("finished", (await app.InstanceAsync(instanceId)).Status());
        var document = await app.DocumentAsync(number);
        Assert.Equal("rejected", document.GetProperty("status").GetString());
        Assert.StartsWith("库存不足", document.GetProperty("decisionNote").GetString());
        Assert.Equal(2, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
        var told = (await app.OutboxAsync(instanceId)).Where(m => m.Kind == "notify").ToList();
        Assert.Equal(app.ManagerA, Assert.Single(told).Recipient);
    }

    [Fact]
    public async Task Cancelling_the_process_cancels_its_write_off()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 5)));

        var (status, _) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/workflows/instances/{instanceId}/cancel");
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.Equal("cancelled", (await app.DocumentAsync(number)).GetProperty("status").GetString());
        Assert.Equal(50, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
    }

    [Fact]
    public async Task Approving_the_same_card_twice_posts_once()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var (instanceId, _, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 5)));
        var card = await app.OpenCardAsync(instanceId);

        var answers = await Task.WhenAll(app.DecideAsync(app.ManagerA, card, "Approve"), app.DecideAsync(app.ManagerA, card, "Approve"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        Assert.Equal(45, await app.OnHandAsync(app.StoreA.SellingLocationId, product.Id));
    }
}
