using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Definitions;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Timers;
using StoreStock.Engine.Validation;

namespace StoreStock.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The workflow engine with its built-in activities and Quartz on the clustered PostgreSQL job store.
    /// The host provides an <see cref="Organisation.IOrgDirectory"/>, a <see cref="TimeProvider"/> and an NpgsqlDataSource;
    /// other modules add activity types with <paramref name="registerActivities"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration, string connectionString,
        Action<ActivityRegistry>? registerActivities = null)
    {
        services.Configure<EngineOptions>(configuration);
        var options = configuration.Get<EngineOptions>() ?? new EngineOptions();
        var registry = new ActivityRegistry();
        registry.RegisterAssembly(typeof(EngineServiceCollectionExtensions).Assembly);
        registerActivities?.Invoke(registry);
        services.AddSingleton(registry);
        services.AddSingleton<EngineServices>();
        services.AddSingleton<EngineDatabase>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<PublishedDefinitions>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<WorkflowQueries>();
        services.AddSingleton<QuartzTimerPlanner>();
        services.AddSingleton<ITimerPlanner>(sp => sp.GetRequiredService<QuartzTimerPlanner>());
        services.AddHostedService<TimerSweep>();

        services.AddQuartz(q =>
        {
            // No instance id is set: clustering generates one per node (a shared literal id would make nodes take each other's firings as their own).
            q.ConfigureScheduler(s => s.IdleWaitTime = options.QuartzIdleWait);
            q.UseDefaultThreadPool(options.QuartzThreads);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                store.ProvisionSchema();
            });
        });
        if (options.RunScheduler)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
