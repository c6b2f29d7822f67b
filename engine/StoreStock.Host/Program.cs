using StoreStock.Host.Api;
using StoreStock.Host.Auth;
using StoreStock.Host.Startup;

// Workflow scripts run JavaScript regular expressions on .NET's engine; a catastrophic pattern must time out
// instead of holding its instance's lock. Process-wide, so it is set before anything builds a regex.
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));

var builder = WebApplication.CreateBuilder(args);
await builder.UseLocalClusterWhenUnconfiguredAsync();
builder.AddStoreStockServices();

var app = builder.Build();
app.UseStoreStockPipeline();
app.MapStoreStockEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
