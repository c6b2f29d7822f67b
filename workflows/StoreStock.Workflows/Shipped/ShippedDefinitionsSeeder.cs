using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StoreStock.Workflows.Shipped;

/// <summary>Publishes missing shipped definitions at start-up, after the schema is in place.</summary>
public sealed class ShippedDefinitionsSeeder(ShippedDefinitions shipped, WorkflowsOptions options, ILogger<ShippedDefinitionsSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.SeedShippedDefinitions)
        {
            return;
        }

        var published = await shipped.PublishMissingAsync(cancellationToken);
        if (published.Count > 0)
        {
            logger.LogInformation("Published the shipped workflow definitions {Definitions}", string.Join(", ", published));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
