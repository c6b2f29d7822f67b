using Dapper;

namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>The Quartz job checks by itself once the clock passes its interval (5 minutes by default).</summary>
public sealed class AlertScheduleTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task The_scheduled_check_opens_and_notifies_without_anyone_asking()
    {
        var started = app.Clock.GetUtcNow();
        var product = await app.ProductWithLowLineAsync(app.StoreC, lowLine: 5, onHand: 1);

        await Task.Delay(WorkflowProbes.QuietPeriod);
        Assert.Empty(await app.AlertMessagesAsync(product.Sku, "低库存"));

        // Just past the first firing: a trigger more than a minute late is a misfire, which Quartz handles on its own slower round.
        app.AdvanceTo(started.AddMinutes(5).AddSeconds(10));
        await WorkflowProbes.UntilAsync(async () => (await app.AlertMessagesAsync(product.Sku, "低库存")).Count == 1, "the scheduled check notified the manager");
        Assert.Equal(app.ManagerC, (await app.AlertMessagesAsync(product.Sku, "低库存"))[0].Recipient);

        await using var connection = await app.Db.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from qrtz_triggers where trigger_name = 'stock-alert-check' and trigger_group = 'stock-alerts'"));
    }
}
