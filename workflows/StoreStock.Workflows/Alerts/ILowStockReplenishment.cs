namespace StoreStock.Workflows.Alerts;

/// <summary>A newly opened low-stock alert, as handed to <see cref="ILowStockReplenishment"/>.</summary>
public sealed record LowStockAlert(long AlertId, int StoreId, int LocationId, int ProductId, decimal Available, decimal LowLine);

/// <summary>
/// The seam through which a new low-stock alert starts the replenishment workflow for its store, when
/// <see cref="AlertOptions.StartReplenishmentOnLowStock"/> is on. Called once per newly opened low-stock alert, after
/// the check has committed; an implementation should be idempotent per alert id (e.g. use it as the correlation) and
/// may combine several alerts of one store into one run.
/// </summary>
public interface ILowStockReplenishment
{
    Task StartAsync(LowStockAlert alert, CancellationToken cancellationToken);
}

/// <summary>The default until replenishment plugs in: nothing starts.</summary>
public sealed class NoLowStockReplenishment : ILowStockReplenishment
{
    public Task StartAsync(LowStockAlert alert, CancellationToken cancellationToken) => Task.CompletedTask;
}
