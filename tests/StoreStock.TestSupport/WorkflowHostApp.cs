using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace StoreStock.TestSupport;

/// <summary>
/// The host with the workflow engine, Quartz on the clustered job store, and a test clock. Timers are swept every
/// 200 ms of real time, so a test that moves the clock sees its deadlines fire at once; sign-in cookies outlast clock
/// jumps of days, so a client signed in before a jump is still signed in after it.
/// </summary>
public abstract class WorkflowHostApp : StoreStockApp
{
    private HttpClient? _hqClient;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Engine:TimerSweepInterval"] = "00:00:00.200",
        ["Engine:QuartzIdleWait"] = "00:00:01",
        // Short enough that runaway-script tests end quickly, long enough for a legitimate loop on a busy 2-core machine
        // (every statement goes through the sandbox's memory hook).
        ["Engine:Scripts:Timeout"] = "00:00:03",
    };

    /// <summary>The HQ user's name; seeding sets it.</summary>
    public string Hq { get; protected set; } = "";

    /// <summary>The store an instance starts for when a test names none.</summary>
    protected abstract int? DefaultStoreId { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.PostConfigure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(365)));
    }

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
        var (status, body) = await client.PostAsync("/api/workflows/instances", new { definitionId, storeId = storeId ?? DefaultStoreId, input });
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
