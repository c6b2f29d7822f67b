using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Xunit;

namespace StoreStock.TestSupport;

/// <summary>
/// The real host on Kestrel (real HTTP on a loopback port) over a fresh database of its own, with a test clock.
/// Use as a class fixture; <see cref="Org"/> creates the rows a test needs.
/// </summary>
public class StoreStockApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";

    public TestClock Clock { get; } = new();

    public TestOrg Org { get; private set; } = null!;

    public NpgsqlDataSource Db { get; private set; } = null!;

    /// <summary>Seed the sample chain (with this many days of history) instead of starting empty.</summary>
    protected virtual int? SampleHistoryDays => null;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        UseKestrel(0);
        StartServer();
        Db = Services.GetRequiredService<NpgsqlDataSource>();
        Org = new TestOrg(Db);
        await SeedAsync();
    }

    /// <summary>Creates the rows every test of a fixture shares.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:StoreStock", _connectionString);
        builder.UseSetting("Samples:SeedWhenEmpty", SampleHistoryDays is null ? "false" : "true");
        builder.UseSetting("Samples:SalesHistoryDays", (SampleHistoryDays ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client signed in as the user (cookie), or anonymous when username is null.</summary>
    public async Task<HttpClient> ClientAsync(string? username, string password = TestOrg.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (username is not null)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { username, password });
            response.EnsureSuccessStatusCode();
        }

        return client;
    }

    /// <summary>Puts opening stock on a location through the ledger, as an import would.</summary>
    public Task OpeningStockAsync(int locationId, int productId, decimal quantity, decimal unitCost = 3.5m) =>
        WriteMovesAsync([new StoreStock.Inventory.Ledger.StockMove(locationId, productId, StoreStock.Inventory.Ledger.MoveKind.OpeningBalance, quantity, UnitCost: unitCost)]);

    /// <summary>Writes stock moves through the ledger in a transaction of their own (set-up, or a till sale while a test runs).</summary>
    public async Task WriteMovesAsync(IReadOnlyList<StoreStock.Inventory.Ledger.StockMove> moves, string actor = "test:setup")
    {
        var ledger = Services.GetRequiredService<StoreStock.Inventory.Ledger.LedgerWriter>();
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ledger.ApplyAsync(connection, transaction, moves, actor);
        await transaction.CommitAsync();
    }

    /// <summary>A client that authenticates with an integration API key.</summary>
    public HttpClient ApiKeyClient(string apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
