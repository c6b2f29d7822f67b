namespace StoreStock.Workflows.Alerts;

/// <summary>A newly opened low-stock alert, as handed to <see cref="ILowStockReplenishment"/>.</summary>
public sealed record LowStockAlert(long AlertId, int StoreId, int LocationId, int ProductId, decimal Available, decimal LowLine);

/// <summary>
/// The seam through which a new low-stock alert starts the replenishment workflow for its store, when
/// <see cref="AlertOptions.StartReplenishmentOnLowStock"/> is on. Called once per newly opened low-stock alert, after
/// the check has committed; several alerts of one store start at most one run.
/// </summary>
public interface ILowStockReplenishment
{
    Task StartAsync(LowStockAlert alert, CancellationToken cancellationToken);
}

/// <summary>Starts the store's replenishment workflow, unless one is open or today's order exists (the starter decides).</summary>
public sealed class StartReplenishmentOnLowStock(Replenishment.ReplenishmentStarter starter) : ILowStockReplenishment
{
    public const string Trigger = "low_stock";

    public Task StartAsync(LowStockAlert alert, CancellationToken cancellationToken) => starter.StartForStoreAsync(alert.StoreId, Trigger, cancellationToken);
}
