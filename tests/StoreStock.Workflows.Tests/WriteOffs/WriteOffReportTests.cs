using System.Net;
using System.Text.Json;

namespace StoreStock.Workflows.Tests.WriteOffs;

public sealed class WriteOffReportTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task Posted_write_offs_add_up_by_reason_product_store_and_month_within_scope()
    {
        var cola = await app.ProductWithStockAsync(2.5m, (app.StoreA.SellingLocationId, 100), (app.StoreB.SellingLocationId, 100));
        var bread = await app.ProductWithStockAsync(6m, (app.StoreA.SellingLocationId, 100));
        await PostedAsync(app.ClerkA, app.ManagerA, app.StoreA, "damaged", (cola.Sku, 4), (bread.Sku, 2));   // 10 + 12
        await PostedAsync(app.ClerkA, app.ManagerA, app.StoreA, "expired", (bread.Sku, 5));                // 30
        await PostedAsync(app.ClerkB, app.ManagerB, app.StoreB, "damaged", (cola.Sku, 8));                 // 20
        var (rejectedId, _, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (bread.Sku, 50)));
        await app.DecideAsync(app.ManagerA, await app.OpenCardAsync(rejectedId), "Reject");

        var byReason = await ReportAsync(await app.HqAsync(), "reason");
        Assert.Equal(42m, Row(byReason, "damaged").GetProperty("value").GetDecimal());
        Assert.Equal("破损", Row(byReason, "damaged").GetProperty("label").GetString());
        Assert.Equal(2, Row(byReason, "damaged").GetProperty("documents").GetInt64());
        Assert.Equal(30m, Row(byReason, "expired").GetProperty("value").GetDecimal());
        Assert.Equal(72m, byReason.GetProperty("totalValue").GetDecimal());

        var byProduct = await ReportAsync(await app.HqAsync(), "product");
        Assert.Equal(12m, Row(byProduct, cola.Sku).GetProperty("quantity").GetDecimal());
        Assert.Equal(7m, Row(byProduct, bread.Sku).GetProperty("quantity").GetDecimal());

        var byStore = await ReportAsync(await app.HqAsync(), "store");
        Assert.Equal(52m, Row(byStore, app.StoreA.Code).GetProperty("value").GetDecimal());
        Assert.Equal(20m, Row(byStore, app.StoreB.Code).GetProperty("value").GetDecimal());

        var byMonth = await ReportAsync(await app.HqAsync(), "month");
        Assert.Equal(72m, Assert.Single(byMonth.GetProperty("rows").EnumerateArray()).GetProperty("value").GetDecimal());

        // A store manager sees only their store.
        var own = await ReportAsync(await app.ClientAsync(app.ManagerB), "store");
        Assert.Equal(app.StoreB.Code, Assert.Single(own.GetProperty("rows").EnumerateArray()).GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("groupBy=colour", "groupBy")]
    [InlineData("groupBy=reason&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    [InlineData("groupBy=reason&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task A_bad_report_query_names_the_field(string query, string field)
    {
        var (status, problem) = await (await app.HqAsync()).GetJsonAsync($"/api/write-offs/report?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, problem.ErrorFields());
    }

    private async Task PostedAsync(string clerk, string manager, TestOrg.StoreRow store, string reason, params (string Sku, decimal Quantity)[] lines)
    {
        var (instanceId, _, _) = await app.SubmitAsync(clerk, WriteOffApi.Request(store, reason, lines));
        var (status, body) = await app.DecideAsync(manager, await app.OpenCardAsync(instanceId), "Approve");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string groupBy)
    {
        var (status, report) = await client.GetJsonAsync($"/api/write-offs/report?groupBy={groupBy}");
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        return report;
    }

    private static JsonElement Row(JsonElement report, string key) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);
}
