using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using StoreStock.Database;
using StoreStock.Engine;
using StoreStock.Host.Auth;
using StoreStock.Host.Api;
using StoreStock.Inventory;
using StoreStock.Samples;
using StoreStock.WeCom;
using StoreStock.WeComSimulator;
using StoreStock.Workflows;

namespace StoreStock.Host.Startup;

public static class ServiceRegistration
{
    /// <summary>JSON bodies are small; a larger one is refused before it is read. Imports have their own limit.</summary>
    public const long MaxJsonBodyBytes = 1024 * 1024;

    public static void AddStoreStockServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(LocalDatabase.ConnectionName)
            ?? throw new InvalidOperationException("ConnectionStrings:StoreStock is not set.");

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton(builder.Configuration.GetSection("Samples").Get<SampleChainOptions>() ?? new SampleChainOptions());
        services.AddHostedService<DatabaseStartup>();
        services.AddInventory(builder.Configuration.GetSection("Inventory"));
        services.AddSingleton<StoreStock.Engine.Organisation.IOrgDirectory, Workflows.OrgDirectory>();
        services.AddWorkflowEngine(builder.Configuration.GetSection("Engine"), connectionString, WorkflowsModule.RegisterActivities);
        services.AddStoreStockWorkflows(builder.Configuration.GetSection("Workflows"));
        services.AddStoreStockWeCom(builder.Configuration.GetSection(WeComOptions.Section));
        services.AddSingleton<StoreStock.WeCom.Delivery.ICardDirectory, Workflows.CardDirectory>();
        services.AddSingleton<StoreStock.WeCom.Callbacks.IWeComActorResolver, Workflows.WeComActorResolver>();
        services.AddWeComSimulator();

        services.AddStoreStockAuth();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxJsonBodyBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 32 * 1024 * 1024);
    }

    /// <summary>
    /// Hot statements (the ledger writer's batch, the engine's lock and save batches) are prepared once per connection
    /// instead of planned on every batch: planning was over a third of PostgreSQL's time per till batch. A connection
    /// string that sets Max Auto Prepare itself keeps its value.
    /// </summary>
    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!SetsMaxAutoPrepare(connectionString))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }

    /// <summary>
    /// Whether the connection string itself names the setting. NpgsqlConnectionStringBuilder.ContainsKey cannot tell:
    /// it answers whether a keyword is supported, so it is true for every string.
    /// </summary>
    private static bool SetsMaxAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare");
    }

    public static void UseStoreStockPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
    }
}
