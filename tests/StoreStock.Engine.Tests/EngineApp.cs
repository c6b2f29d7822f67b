using System.Net;
using System.Text.Json;
using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests;

/// <summary>
/// The host with the engine, Quartz on the clustered job store, and a test clock; timers are swept every
/// 200 ms of real time so a test that moves the clock sees its deadlines fire at once.
/// Seeds one region with two stores (A, B), another region with store C, and people at every level.
/// </summary>
public class EngineApp : StoreStockApp
{
    public TestOrg.StoreRow StoreA { get; private set; } = null!;

    public TestOrg.StoreRow StoreB { get; private set; } = null!;

    public TestOrg.StoreRow StoreC { get; private set; } = null!;

    public string ClerkA { get; private set; } = "";

    public string ManagerA { get; private set; } = "";

    public string ManagerC { get; private set; } = "";

    public string Supervisor { get; private set; } = "";

    public string SupervisorOfC { get; private set; } = "";

    public string Hq { get; private set; } = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Engine:TimerSweepInterval"] = "00:00:00.200",
        ["Engine:QuartzIdleWait"] = "00:00:01",
        ["Engine:Scripts:Timeout"] = "00:00:01",
    };

    protected override async Task SeedAsync()
    {
        var east = await Org.RegionAsync();
        var south = await Org.RegionAsync();
        StoreA = await Org.StoreAsync(east);
        StoreB = await Org.StoreAsync(east);
        StoreC = await Org.StoreAsync(south);
        ClerkA = await Org.UserAsync(Role.Clerk, storeId: StoreA.Id);
        ManagerA = await Org.UserAsync(Role.StoreManager, storeId: StoreA.Id);
        ManagerC = await Org.UserAsync(Role.StoreManager, storeId: StoreC.Id);
        Supervisor = await Org.UserAsync(Role.RegionalSupervisor, regionId: east);
        SupervisorOfC = await Org.UserAsync(Role.RegionalSupervisor, regionId: south);
        Hq = await Org.UserAsync(Role.HqAdmin);
    }

    private HttpClient? _hqClient;

    public async Task<HttpClient> HqAsync() => _hqClient ??= await ClientAsync(Hq);

    /// <summary>Saves and publishes a definition as HQ; returns the published version.</summary>
    public async Task<int> PublishAsync(object definition)
    {
        var hq = await HqAsync();
        var id = JsonSerializer.SerializeToElement(definition).GetProperty("definitionId").GetString()!;
        var (saved, draft) = await hq.PutAsync($"/api/workflows/definitions/{id}", definition);
        Assert.True(saved == HttpStatusCode.OK, draft.ToString());
        var (published, body) = await hq.PostAsync($"/api/workflows/definitions/{id}/publish");
        Assert.True(published == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("version").GetInt32();
    }

    /// <summary>Starts an instance as the user (HQ by default) and returns the step result.</summary>
    public async Task<JsonElement> StartAsync(string definitionId, object? input = null, int? storeId = null, HttpClient? client = null)
    {
        client ??= await HqAsync();
        var (status, body) = await client.PostAsync("/api/workflows/instances", new { definitionId, storeId = storeId ?? StoreA.Id, input });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<JsonElement> InstanceAsync(Guid id)
    {
        var (status, body) = await (await HqAsync()).GetJsonAsync($"/api/workflows/instances/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>Polls (real time) until the instance detail satisfies the condition; timers fire on Quartz threads.</summary>
    public async Task<JsonElement> EventuallyAsync(Guid id, Func<JsonElement, bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonElement detail;
        do
        {
            detail = await InstanceAsync(id);
            if (condition(detail))
            {
                return detail;
            }

            await Task.Delay(100);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Fail($"Timed out waiting for: {what}. Last state: {detail}");
        return detail;
    }
}
