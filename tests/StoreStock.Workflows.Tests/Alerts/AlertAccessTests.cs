using System.Net;

namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>Alerts within scope (invariant 8) and bad filters (invariant 9).</summary>
public sealed class AlertAccessTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task Each_level_sees_and_acknowledges_only_the_alerts_in_its_scope()
    {
        var product = await app.ProductWithLowLineAsync(app.StoreA, lowLine: 5, onHand: 1);
        await app.CheckAsync();
        var id = (await app.AlertAsync(product.Sku, "low_stock")).GetProperty("id").GetInt64();

        Assert.Single(await app.AlertsAsync(product.Sku, "low_stock", app.ClerkA));
        Assert.Single(await app.AlertsAsync(product.Sku, "low_stock", app.EastSupervisor));
        Assert.Empty(await app.AlertsAsync(product.Sku, "low_stock", app.ManagerB));
        Assert.Empty(await app.AlertsAsync(product.Sku, "low_stock", app.SouthSupervisor));

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(app.ManagerB)).PostAsync($"/api/alerts/{id}/acknowledge")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(app.SouthSupervisor)).PostAsync($"/api/alerts/{id}/acknowledge")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/alerts/{id}/acknowledge")).Status);
        Assert.Equal("open", (await app.AlertAsync(product.Sku, "low_stock")).Text("status"));

        var (status, body) = await (await app.ClientAsync(app.EastSupervisor)).PostAsync($"/api/alerts/{id}/acknowledge");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    [Fact]
    public async Task Only_hq_runs_the_check_now()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(app.ManagerA)).PostAsync("/api/alerts/check")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(app.EastSupervisor)).PostAsync("/api/alerts/check")).Status);
    }

    [Fact]
    public async Task An_unknown_kind_or_status_filter_is_a_400_naming_the_field()
    {
        var manager = await app.ClientAsync(app.ManagerA);

        var (kindStatus, kindProblem) = await manager.GetJsonAsync("/api/alerts?kind=lowstock");
        var (statusStatus, statusProblem) = await manager.GetJsonAsync("/api/alerts?status=closed");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (kindStatus, statusStatus));
        Assert.Equal(["kind"], kindProblem.ErrorFields());
        Assert.Equal(["status"], statusProblem.ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync("/api/alerts/999999999/acknowledge")).Status);
    }
}
