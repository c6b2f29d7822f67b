using System.Net;
using System.Text.Json;

namespace StoreStock.Workflows.Tests.Replenishment;

/// <summary>
/// The shipped 补货 definition end to end through the API: draft → the manager's edit → HQ above 5000 → ordered →
/// receipts (partial, then the rest) with the ledger checked at each step; rejection; a repeated run; bad input.
/// </summary>
public sealed class ReplenishmentWorkflowTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly ReplenishmentKit _kit = new(app);

    [Fact]
    public async Task Below_the_threshold_the_managers_edit_is_ordered_at_once_and_receipts_post_stock_until_complete()
    {
        var shop = await _kit.ShopAsync();
        var bread = await _kit.ProductAsync(shop, cost: 10, openingStock: 2, safetyStock: 20);   // suggests 18
        var milk = await _kit.ProductAsync(shop, cost: 5, openingStock: 1, safetyStock: 10);     // suggests 9
        var instanceId = await _kit.RunAsync(shop);

        var draft = await _kit.OrderOfAsync(shop);
        Assert.StartsWith("CG", draft.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(instanceId, draft.GetProperty("instanceId").GetGuid());
        Assert.Equal(18m, ReplenishmentKit.Line(draft, bread, "suggestedQuantity"));
        Assert.Equal(9m, ReplenishmentKit.Line(draft, milk, "suggestedQuantity"));
        Assert.Equal(225m, draft.GetProperty("totalValue").GetDecimal());
        var confirm = (await app.InstanceAsync(instanceId)).Card("confirm");
        Assert.Equal([shop.Manager], confirm.Assignees());

        var (status, body) = await _kit.CompleteAsync(shop.Manager, confirm.GetProperty("id").GetGuid(),
            new[] { new { productId = bread, quantity = 12 }, new { productId = milk, quantity = 0 } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var ordered = await _kit.OrderOfAsync(shop);
        Assert.Equal("ordered", ordered.GetProperty("status").GetString());
        Assert.Equal(120m, ordered.GetProperty("totalValue").GetDecimal());
        Assert.Equal(12m, ReplenishmentKit.Line(ordered, bread, "orderedQuantity"));
        Assert.Equal(18m, ReplenishmentKit.Line(ordered, bread, "suggestedQuantity"));
        Assert.Equal(0m, ReplenishmentKit.Line(ordered, milk, "orderedQuantity"));
        Assert.Equal($"user:{shop.Manager}", ordered.GetProperty("confirmedBy").GetString());
        var detail = await app.InstanceAsync(instanceId);
        Assert.Empty(detail.Cards("approval"));
        Assert.Equal([shop.Clerk], detail.Card("receiveCard").Assignees());

        // More than outstanding is refused by the card (its lines come from the outstanding ones) and changes nothing.
        var receive = detail.Card("receiveCard").GetProperty("id").GetGuid();
        (status, body) = await _kit.CompleteAsync(shop.Clerk, receive, new[] { new { productId = bread, quantity = 13 } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["payload.lines[0].quantity"], body.ErrorFields());
        Assert.Equal(0m, (await LedgerProbe.LevelAsync(app.Db, shop.Store.BackroomLocationId, bread)).OnHand);

        (status, body) = await _kit.CompleteAsync(shop.Clerk, receive, new[] { new { productId = bread, quantity = 5 } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var partial = await _kit.OrderOfAsync(shop);
        Assert.Equal("partially_received", partial.GetProperty("status").GetString());
        Assert.Equal(5m, ReplenishmentKit.Line(partial, bread, "receivedQuantity"));
        Assert.Equal(5m, (await LedgerProbe.LevelAsync(app.Db, shop.Store.BackroomLocationId, bread)).OnHand);
        var again = body.NewTaskId();
        detail = await app.InstanceAsync(instanceId);
        Assert.Equal("suspended", detail.Status());
        Assert.Equal(2, detail.Cards("receiveCard").Count);
        Assert.Equal("open", detail.Card(again).CardStatus());

        (status, body) = await _kit.CompleteAsync(shop.Clerk, again, new[] { new { productId = bread, quantity = 7 } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("finished", body.GetProperty("status").GetString());
        var received = await _kit.OrderOfAsync(shop);
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal(12m, ReplenishmentKit.Line(received, bread, "receivedQuantity"));
        Assert.Equal(12m, (await LedgerProbe.LevelAsync(app.Db, shop.Store.BackroomLocationId, bread)).OnHand);
        Assert.Equal(0m, (await LedgerProbe.LevelAsync(app.Db, shop.Store.BackroomLocationId, milk)).OnHand);
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);
    }

    [Fact]
    public async Task Above_the_threshold_HQ_approves_before_the_order_is_sent()
    {
        var (shop, instanceId, product) = await ConfirmedAboveThresholdAsync();
        var order = await _kit.OrderOfAsync(shop);
        Assert.Equal("confirmed", order.GetProperty("status").GetString());
        Assert.Equal(6000m, order.GetProperty("totalValue").GetDecimal());
        var approval = (await app.InstanceAsync(instanceId)).Card("approval");
        Assert.Equal([app.Hq], approval.Assignees());

        var (status, body) = await (await app.HqAsync()).PostAsync($"/api/tasks/{approval.GetProperty("id").GetGuid()}/complete", new { outcome = "Approve" });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        order = await _kit.OrderOfAsync(shop);
        Assert.Equal("ordered", order.GetProperty("status").GetString());
        Assert.Equal($"user:{app.Hq}", order.GetProperty("approvedBy").GetString());
        Assert.Equal([shop.Clerk], (await app.InstanceAsync(instanceId)).Card("receiveCard").Assignees());
        Assert.Equal(6m, ReplenishmentKit.Line(order, product, "orderedQuantity"));
    }

    [Fact]
    public async Task HQ_rejects_and_the_order_is_rejected_with_no_stock_posted()
    {
        var (shop, instanceId, product) = await ConfirmedAboveThresholdAsync();
        var moves = await LedgerProbe.MoveCountAsync(app.Db);
        var approval = (await app.InstanceAsync(instanceId)).Card("approval").GetProperty("id").GetGuid();
        var (status, body) = await (await app.HqAsync()).PostAsync($"/api/tasks/{approval}/complete", new { outcome = "Reject", payload = new { comment = "本月预算已用完" } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("finished", body.GetProperty("status").GetString());

        Assert.Equal("rejected", (await _kit.OrderOfAsync(shop)).GetProperty("status").GetString());
        var detail = await app.InstanceAsync(instanceId);
        Assert.Empty(detail.Cards("receiveCard"));
        Assert.Contains(detail.Journal(), j => j is ("rejected", "executed", _));
        Assert.Equal(moves, await LedgerProbe.MoveCountAsync(app.Db));
        Assert.Equal(0m, (await LedgerProbe.LevelAsync(app.Db, shop.Store.BackroomLocationId, product)).OnHand);
    }

    [Fact]
    public async Task A_run_repeated_on_one_day_makes_one_purchase_order_even_after_the_first_is_cancelled()
    {
        var shop = await _kit.ShopAsync();
        await _kit.ProductAsync(shop, cost: 3, openingStock: 1, safetyStock: 10);
        var instanceId = await _kit.RunAsync(shop);

        var manager = await app.ClientAsync(shop.Manager);
        var (status, runs) = await manager.PostAsync("/api/replenishment/runs", new { storeCode = shop.Store.Code });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, Assert.Single(runs.EnumerateArray()).GetProperty("instanceId").ValueKind);
        Assert.Contains("already open", runs[0].GetProperty("skipped").GetString(), StringComparison.Ordinal);

        var (cancelled, body) = await (await app.HqAsync()).PostAsync($"/api/workflows/instances/{instanceId}/cancel");
        Assert.True(cancelled == HttpStatusCode.OK, body.ToString());
        Assert.Equal("cancelled", (await _kit.OrderOfAsync(shop)).GetProperty("status").GetString());

        (status, runs) = await manager.PostAsync("/api/replenishment/runs", new { storeCode = shop.Store.Code });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("today's purchase order", runs[0].GetProperty("skipped").GetString(), StringComparison.Ordinal);
        Assert.Single(await _kit.OrdersAsync(shop));
    }

    [Fact]
    public async Task A_store_with_enough_stock_finishes_without_an_order()
    {
        var shop = await _kit.ShopAsync();
        await _kit.ProductAsync(shop, cost: 3, openingStock: 100, safetyStock: 10);
        var detail = await app.InstanceAsync(await _kit.RunAsync(shop));
        Assert.Equal("finished", detail.Status());
        Assert.Contains(detail.Journal(), j => j is ("compute", _, "NothingToOrder"));
        Assert.Empty(await _kit.OrdersAsync(shop));
    }

    [Fact]
    public async Task A_confirmation_naming_a_product_not_on_the_order_or_a_negative_quantity_is_refused_and_changes_nothing()
    {
        var shop = await _kit.ShopAsync();
        var product = await _kit.ProductAsync(shop, cost: 3, openingStock: 1, safetyStock: 10);
        var stranger = await _kit.ProductAsync(shop, cost: 3, openingStock: 100, safetyStock: 0);
        var instanceId = await _kit.RunAsync(shop);
        var card = (await app.InstanceAsync(instanceId)).Card("confirm").GetProperty("id").GetGuid();

        var (status, body) = await _kit.CompleteAsync(shop.Manager, card, new[] { new { productId = stranger, quantity = 5 } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["payload.lines[0].productId"], body.ErrorFields());
        (status, body) = await _kit.CompleteAsync(shop.Manager, card, new[] { new { productId = product, quantity = -1 } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["payload.lines[0].quantity"], body.ErrorFields());

        var order = await _kit.OrderOfAsync(shop);
        Assert.Equal("draft", order.GetProperty("status").GetString());
        Assert.Equal(9m, ReplenishmentKit.Line(order, product, "orderedQuantity"));
        Assert.Single(order.GetProperty("lines").EnumerateArray());
        Assert.Equal("open", (await app.InstanceAsync(instanceId)).Card(card).CardStatus());
    }

    [Fact]
    public async Task Another_stores_manager_can_neither_see_the_order_nor_run_or_preview_the_store()
    {
        var shop = await _kit.ShopAsync();
        await _kit.ProductAsync(shop, cost: 3, openingStock: 1, safetyStock: 10);
        await _kit.RunAsync(shop);
        var number = (await _kit.OrderOfAsync(shop)).GetProperty("number").GetString();

        var other = await app.ClientAsync(app.ManagerB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetJsonAsync($"/api/purchase-orders/{number}")).Status);
        var (_, list) = await other.GetJsonAsync("/api/purchase-orders");
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("number").GetString() == number);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/replenishment/runs", new { storeCode = shop.Store.Code })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetJsonAsync($"/api/replenishment/suggestions?store={shop.Store.Code}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(shop.Clerk)).PostAsync("/api/replenishment/runs", new { storeCode = shop.Store.Code })).Status);

        var (mine, found) = await (await app.ClientAsync(shop.Clerk)).GetJsonAsync($"/api/purchase-orders/{number}");
        Assert.Equal(HttpStatusCode.OK, mine);
        Assert.Equal(number, found.GetProperty("number").GetString());
    }

    /// <summary>A store whose manager confirmed an order of 6 × 1000 = 6000, above HQ's threshold of 5000.</summary>
    private async Task<(ReplenishmentKit.Shop Shop, Guid InstanceId, int Product)> ConfirmedAboveThresholdAsync()
    {
        var shop = await _kit.ShopAsync();
        var product = await _kit.ProductAsync(shop, cost: 1000, openingStock: 1, safetyStock: 7);
        var instanceId = await _kit.RunAsync(shop);
        var confirm = (await app.InstanceAsync(instanceId)).Card("confirm").GetProperty("id").GetGuid();
        var (status, body) = await _kit.CompleteAsync(shop.Manager, confirm, new[] { new { productId = product, quantity = 6 } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return (shop, instanceId, product);
    }
}
