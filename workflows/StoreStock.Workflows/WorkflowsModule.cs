using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Engine.Activities;
using StoreStock.Workflows.Shipped;

namespace StoreStock.Workflows;

/// <summary>
/// The bridge between the engine and the stock domain: inventory activities, the shipped process definitions,
/// and the scheduled jobs (stocktakes, replenishment runs, alert checks).
/// </summary>
public static class WorkflowsModule
{
    /// <summary>Adds the inventory activities to the engine's palette; pass to <c>AddWorkflowEngine</c>.</summary>
    public static void RegisterActivities(ActivityRegistry registry) => registry.RegisterAssembly(typeof(WorkflowsModule).Assembly);

    /// <param name="configuration">The <c>Workflows</c> section.</param>
    public static IServiceCollection AddStoreStockWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.Get<WorkflowsOptions>() ?? new WorkflowsOptions());
        services.AddSingleton<ShippedDefinitions>();
        services.AddHostedService<ShippedDefinitionsSeeder>();
        Alerts.AlertJobs.AddStockAlertJobs(services);
        Stocktakes.Scheduling.StocktakeScheduling.AddStocktakeWorkflow(services);
        Replenishment.ReplenishmentWorkflows.AddReplenishmentWorkflows(services, configuration.GetSection("Replenishment"));
        return services;
    }
}
