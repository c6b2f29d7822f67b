using StoreStock.Host.Api;
using StoreStock.Host.Auth;
using StoreStock.Host.Startup;

var builder = WebApplication.CreateBuilder(args);
await builder.UseLocalClusterWhenUnconfiguredAsync();
builder.AddStoreStockServices();

var app = builder.Build();
app.UseStoreStockPipeline();
app.MapStoreStockEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
