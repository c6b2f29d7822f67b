using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StoreStock.Workflows.Alerts;

namespace StoreStock.Workflows.Tests.Alerts;

/// <summary>With Alerts:StartReplenishmentOnLowStock on, each new low-stock alert goes once to the replenishment seam.</summary>
public sealed class ReplenishmentSeamTests(ReplenishmentSeamTests.App app) : IClassFixture<ReplenishmentSeamTests.App>
{
    [Fact]
    public async Task Each_new_low_stock_alert_starts_replenishment_once()
    {
        var first = await app.ProductWithLowLineAsync(app.StoreA, lowLine: 5, onHand: 1);
        var second = await app.ProductWithLowLineAsync(app.StoreB, lowLine: 3, onHand: 3);
        var negative = await app.ProductWithStockAsync(2m, (app.StoreA.SellingLocationId, 1));
        await app.SellAsync(app.StoreA, negative, 4);

        await app.CheckAsync();
        await app.CheckAsync();

        var started = app.Recorder.Alerts.Where(a => a.ProductId == first.Id || a.ProductId == second.Id || a.ProductId == negative.Id).ToList();
        Assert.Equal(2, started.Count);
        Assert.Contains(started, a => (a.ProductId, a.StoreId, a.Available, a.LowLine) == (first.Id, app.StoreA.Id, 1m, 5m));
        Assert.Contains(started, a => (a.ProductId, a.StoreId) == (second.Id, app.StoreB.Id));
        Assert.Equal((await app.AlertAsync(first.Sku, "low_stock")).GetProperty("id").GetInt64(), started.Single(a => a.ProductId == first.Id).AlertId);
    }

    public sealed class Recording : ILowStockReplenishment
    {
        public ConcurrentQueue<LowStockAlert> Alerts { get; } = new();

        public Task StartAsync(LowStockAlert alert, CancellationToken cancellationToken)
        {
            Alerts.Enqueue(alert);
            return Task.CompletedTask;
        }
    }

    public sealed class App : WorkflowsApp
    {
        public Recording Recorder { get; } = new();

        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Alerts:StartReplenishmentOnLowStock"] = "true" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<ILowStockReplenishment>();
                services.AddSingleton<ILowStockReplenishment>(Recorder);
            });
        }
    }
}
