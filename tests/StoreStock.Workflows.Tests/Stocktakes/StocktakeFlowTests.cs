using System.Net;
using System.Text.Json;
using Dapper;

namespace StoreStock.Workflows.Tests.Stocktakes;

/// <summary>The stocktake workflow end to end through the API: count, split, sales while counting, approval, recount, posting, report.</summary>
public sealed class StocktakeFlowTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static readonly string[] HiddenFromClerks = ["snapshotQuantity", "systemQuantity", "difference", "value"];

    private readonly Counting _counting = new(app);

    [Fact]
    public async Task Two_clerks_split_the_count_a_sale_meanwhile_is_accounted_for_and_the_approved_count_posts_gain_and_loss()
    {
        var floor = app.StoreA.SellingLocationId;
        var p1 = await app.ProductWithStockAsync(10m, (floor, 20));
        var p2 = await app.ProductWithStockAsync(5m, (floor, 10));
        var p3 = await app.ProductWithStockAsync(2m, (floor, 8));

        var opened = await _counting.StartAsync(app.ManagerA, app.StoreA, Counting.Listed(p1, p2, p3));
        var number = Counting.NumberOf(opened);
        var instance = Counting.InstanceOf(opened);
        Assert.StartsWith("PD", number, StringComparison.Ordinal);
        Assert.Equal([20m, 10m, 8m], new[] { p1, p2, p3 }.Select(p => Counting.Line(opened, p.Sku).GetProperty("snapshotQuantity").GetDecimal()));

        await _counting.SaleAsync(floor, p1.Id, 3);                  // sold while counting, before p1 is counted: system 17
        await _counting.CountAsync(app.ClerkA, number, (p1.Sku, 16));
        await _counting.CountAsync(app.ClerkA2, number, (p2.Sku, 12), (p3.Sku, 8));
        await _counting.CountAsync(app.ClerkA, number, (p3.Sku, 7));  // a later count of a line replaces the earlier one
        await _counting.SaleAsync(floor, p2.Id, 1);                  // sold after p2 was counted: not part of its difference

        var counted = await _counting.GetAsync(app.ManagerA, number);
        Assert.Equal((17m, -1m, -10m), Variance(counted, p1.Sku));
        Assert.Equal((10m, 2m, 10m), Variance(counted, p2.Sku));
        Assert.Equal((8m, -1m, -2m), Variance(counted, p3.Sku));
        Assert.Equal("user:" + app.ClerkA, Counting.Line(counted, p3.Sku).GetProperty("countedBy").GetString());

        await _counting.SubmitAsync(app.ClerkA2, instance);
        var approval = await app.EventuallyAsync(instance, d => d.Cards("approve").Count == 1, "the manager's approval card");
        Assert.Equal([app.ManagerA], approval.Card("approve").Assignees());
        Assert.Equal("submitted", (await _counting.GetAsync(app.ManagerA, number)).GetProperty("status").GetString());

        await _counting.DecideAsync(app.ManagerA, instance, "Approve");
        await app.EventuallyAsync(instance, d => d.Status() == "finished", "the count posted");

        Assert.Equal(16m, (await LedgerProbe.LevelAsync(app.Db, floor, p1.Id)).OnHand);   // 20 − 3 sold − 1 lost
        Assert.Equal(11m, (await LedgerProbe.LevelAsync(app.Db, floor, p2.Id)).OnHand);   // 12 counted − 1 sold after
        Assert.Equal(7m, (await LedgerProbe.LevelAsync(app.Db, floor, p3.Id)).OnHand);
        Assert.Equal(["stocktake_loss:-1", "stocktake_gain:2", "stocktake_loss:-1"], await StocktakeMovesAsync(number));
        await LedgerProbe.AssertLevelsEqualSumOfMovesAsync(app.Db);

        var (status, report) = await (await _counting.As(app.ManagerA)).GetJsonAsync($"/api/stocktakes/{number}/report");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("posted", report.GetProperty("status").GetString());
        Assert.Equal(10m, report.GetProperty("gainValue").GetDecimal());
        Assert.Equal(12m, report.GetProperty("lossValue").GetDecimal());
        Assert.Equal(-2m, report.GetProperty("netValue").GetDecimal());
        var reportLine = Counting.Line(report, p1.Sku);
        Assert.Equal((17m, 16m, -1m, -10m), (reportLine.GetProperty("systemQuantity").GetDecimal(), reportLine.GetProperty("counted").GetDecimal(),
            reportLine.GetProperty("difference").GetDecimal(), reportLine.GetProperty("value").GetDecimal()));
    }

    [Fact]
    public async Task A_variance_over_1000_yuan_also_needs_the_regional_supervisor()
    {
        var floor = app.StoreA.SellingLocationId;
        var dear = await app.ProductWithStockAsync(300m, (floor, 10));
        var opened = await _counting.StartAsync(app.Hq, app.StoreA, Counting.Listed(dear));
        var instance = Counting.InstanceOf(opened);
        await _counting.CountAsync(app.ClerkA, Counting.NumberOf(opened), (dear.Sku, 5));   // 5 × 300 = 1500 lost
        await _counting.SubmitAsync(app.ClerkA, instance);

        await _counting.DecideAsync(app.ManagerA, instance, "Approve");
        var second = await app.EventuallyAsync(instance, d => d.Cards("approve").Count == 2, "the supervisor's card");
        Assert.Equal([app.EastSupervisor], second.Cards("approve").Single(c => c.CardStatus() == "open").Assignees());
        Assert.Equal(10m, (await LedgerProbe.LevelAsync(app.Db, floor, dear.Id)).OnHand);

        await _counting.DecideAsync(app.EastSupervisor, instance, "Approve");
        await app.EventuallyAsync(instance, d => d.Status() == "finished", "the count posted");
        Assert.Equal(5m, (await LedgerProbe.LevelAsync(app.Db, floor, dear.Id)).OnHand);
    }

    [Fact]
    public async Task A_rejected_count_sends_the_lines_with_a_difference_back_for_a_recount_then_posts()
    {
        var floor = app.StoreA.SellingLocationId;
        var off = await app.ProductWithStockAsync(10m, (floor, 10));
        var right = await app.ProductWithStockAsync(10m, (floor, 5));
        var opened = await _counting.StartAsync(app.ManagerA, app.StoreA, Counting.Listed(off, right));
        var (number, instance) = (Counting.NumberOf(opened), Counting.InstanceOf(opened));
        await _counting.CountAsync(app.ClerkA, number, (off.Sku, 8), (right.Sku, 5));
        await _counting.SubmitAsync(app.ClerkA, instance);
        await _counting.DecideAsync(app.ManagerA, instance, "Reject");

        await app.EventuallyAsync(instance, d => d.Cards("count").Count == 2, "a second count card");
        var recount = await _counting.GetAsync(app.ManagerA, number);
        Assert.Equal("counting", recount.GetProperty("status").GetString());
        Assert.Equal(2, recount.GetProperty("round").GetInt32());
        Assert.True(Counting.Line(recount, off.Sku).GetProperty("recount").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Counting.Line(recount, off.Sku).GetProperty("counted").ValueKind);
        Assert.False(Counting.Line(recount, right.Sku).GetProperty("recount").GetBoolean());
        Assert.Equal(5m, Counting.Line(recount, right.Sku).GetProperty("counted").GetDecimal());

        // Submitting before the flagged line is recounted sends the card back again.
        await _counting.SubmitAsync(app.ClerkA, instance);
        await app.EventuallyAsync(instance, d => d.Cards("count").Count == 3, "the count card again (a line is uncounted)");
        Assert.Equal("counting", (await _counting.GetAsync(app.ManagerA, number)).GetProperty("status").GetString());

        await _counting.CountAsync(app.ClerkA2, number, (off.Sku, 10));
        await _counting.SubmitAsync(app.ClerkA2, instance);
        await _counting.DecideAsync(app.ManagerA, instance, "Approve");
        await app.EventuallyAsync(instance, d => d.Status() == "finished", "the recounted count posted");
        Assert.Equal(10m, (await LedgerProbe.LevelAsync(app.Db, floor, off.Id)).OnHand);
        Assert.Empty(await StocktakeMovesAsync(number));
    }

    [Fact]
    public async Task A_blind_count_hides_system_quantities_from_clerks_until_it_is_submitted()
    {
        var floor = app.StoreA.SellingLocationId;
        var product = await app.ProductWithStockAsync(4m, (floor, 9));
        var opened = await _counting.StartAsync(app.ManagerA, app.StoreA, Counting.Listed(product), blind: true);
        var (number, instance) = (Counting.NumberOf(opened), Counting.InstanceOf(opened));
        await _counting.CountAsync(app.ClerkA, number, (product.Sku, 7));

        var clerkView = await _counting.GetAsync(app.ClerkA, number);
        Assert.True(clerkView.GetProperty("systemQuantitiesHidden").GetBoolean());
        var line = Counting.Line(clerkView, product.Sku);
        Assert.All(HiddenFromClerks, p => Assert.Equal(JsonValueKind.Null, line.GetProperty(p).ValueKind));
        Assert.Equal(7m, line.GetProperty("counted").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _counting.As(app.ClerkA)).GetJsonAsync($"/api/stocktakes/{number}/report")).Status);

        var managerView = await _counting.GetAsync(app.ManagerA, number);
        Assert.Equal(9m, Counting.Line(managerView, product.Sku).GetProperty("systemQuantity").GetDecimal());

        await _counting.SubmitAsync(app.ClerkA, instance);
        await app.EventuallyAsync(instance, d => d.Cards("approve").Count == 1, "the approval card");
        Assert.Equal(-2m, Counting.Line(await _counting.GetAsync(app.ClerkA, number), product.Sku).GetProperty("difference").GetDecimal());
    }

    [Fact]
    public async Task Bad_counts_are_refused_naming_the_field_and_change_nothing()
    {
        var floor = app.StoreA.SellingLocationId;
        var product = await app.ProductWithStockAsync(4m, (floor, 9));
        var elsewhere = await app.ProductWithStockAsync(4m, (floor, 1));
        var opened = await _counting.StartAsync(app.ManagerA, app.StoreA, Counting.Listed(product));
        var (number, instance) = (Counting.NumberOf(opened), Counting.InstanceOf(opened));

        var (unknown, unknownBody) = await _counting.TryCountAsync(app.ClerkA, number, (product.Sku, 3), ("NO-SUCH-SKU", 1));
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal(["lines[1].sku"], unknownBody.ErrorFields());
        var (outside, outsideBody) = await _counting.TryCountAsync(app.ClerkA, number, (elsewhere.Sku, 1));
        Assert.Equal(HttpStatusCode.BadRequest, outside);
        Assert.Equal(["lines[0].sku"], outsideBody.ErrorFields());
        var (negative, negativeBody) = await _counting.TryCountAsync(app.ClerkA, number, (product.Sku, -1));
        Assert.Equal(HttpStatusCode.BadRequest, negative);
        Assert.Equal(["lines[0].counted"], negativeBody.ErrorFields());
        Assert.Equal(JsonValueKind.Null, Counting.Line(await _counting.GetAsync(app.ManagerA, number), product.Sku).GetProperty("counted").ValueKind);

        var (badScope, badScopeBody) = await (await _counting.As(app.ManagerA)).PostAsync("/api/stocktakes",
            new { storeCode = app.StoreA.Code, scope = new { kind = "products", ids = new[] { product.Id, -5 } } });
        Assert.Equal(HttpStatusCode.BadRequest, badScope);
        Assert.Equal(["scope.ids[1]"], badScopeBody.ErrorFields());
        var (badKind, badKindBody) = await (await _counting.As(app.ManagerA)).PostAsync("/api/stocktakes",
            new { storeCode = app.StoreA.Code, scope = new { kind = "shelf" }, countDeadline = "tomorrow" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind);
        Assert.Equal(["countDeadline", "scope.kind"], badKindBody.ErrorFields().Order(StringComparer.Ordinal));

        await _counting.CountAsync(app.ClerkA, number, (product.Sku, 9));
        await _counting.SubmitAsync(app.ClerkA, instance);
        await _counting.DecideAsync(app.ManagerA, instance, "Approve");
        await app.EventuallyAsync(instance, d => d.Status() == "finished", "posted");
        var (late, lateBody) = await _counting.TryCountAsync(app.ClerkA, number, (product.Sku, 1));
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Contains("posted", lateBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(9m, Counting.Line(await _counting.GetAsync(app.ManagerA, number), product.Sku).GetProperty("counted").GetDecimal());
    }

    [Fact]
    public async Task Only_the_store_and_those_above_it_see_a_count_and_only_HQ_or_its_manager_start_one()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 2));
        var scope = Counting.Listed(product);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _counting.As(app.ClerkA)).PostAsync("/api/stocktakes", new { storeCode = app.StoreA.Code, scope })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _counting.As(app.ManagerB)).PostAsync("/api/stocktakes", new { storeCode = app.StoreA.Code, scope })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _counting.As(app.EastSupervisor)).PostAsync("/api/stocktakes", new { storeCode = app.StoreA.Code, scope })).Status);

        var number = Counting.NumberOf(await _counting.StartAsync(app.ManagerA, app.StoreA, scope));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _counting.As(app.ClerkB)).GetJsonAsync($"/api/stocktakes/{number}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _counting.TryCountAsync(app.ClerkB, number, (product.Sku, 1))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _counting.As(app.SouthSupervisor)).GetJsonAsync($"/api/stocktakes/{number}/report")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await _counting.As(app.EastSupervisor)).GetJsonAsync($"/api/stocktakes/{number}/report")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _counting.TryCountAsync(app.EastSupervisor, number, (product.Sku, 1))).Status);

        var (_, listB) = await (await _counting.As(app.ClerkB)).GetJsonAsync("/api/stocktakes");
        Assert.DoesNotContain(listB.EnumerateArray(), s => s.GetProperty("number").GetString() == number);
        var (_, listA) = await (await _counting.As(app.ClerkA)).GetJsonAsync($"/api/stocktakes?store={app.StoreA.Code}&status=counting");
        Assert.Contains(listA.EnumerateArray(), s => s.GetProperty("number").GetString() == number);
    }

    [Fact]
    public async Task Cancelling_the_workflow_cancels_its_open_count()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 3));
        var opened = await _counting.StartAsync(app.ManagerA, app.StoreA, Counting.Listed(product));
        var (cancelled, body) = await (await _counting.As(app.ManagerA)).PostAsync($"/api/workflows/instances/{Counting.InstanceOf(opened)}/cancel");
        Assert.True(cancelled == HttpStatusCode.OK, body.ToString());
        Assert.Equal("cancelled", (await _counting.GetAsync(app.ManagerA, Counting.NumberOf(opened))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _counting.TryCountAsync(app.ClerkA, Counting.NumberOf(opened), (product.Sku, 3))).Status);
    }

    private static (decimal System, decimal Difference, decimal Value) Variance(JsonElement stocktake, string sku)
    {
        var line = Counting.Line(stocktake, sku);
        return (line.GetProperty("systemQuantity").GetDecimal(), line.GetProperty("difference").GetDecimal(), line.GetProperty("value").GetDecimal());
    }

    /// <summary>The count's gain and loss moves as "kind:delta", in product order.</summary>
    private async Task<IReadOnlyList<string>> StocktakeMovesAsync(string number)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            "select kind || ':' || trim_scale(on_hand_delta)::text from stock_move where external_ref = @number order by product_id",
            new { number })).ToList();
    }
}
