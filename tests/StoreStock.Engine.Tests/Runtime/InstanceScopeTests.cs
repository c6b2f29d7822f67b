using System.Net;

namespace StoreStock.Engine.Tests.Runtime;

public sealed class InstanceScopeTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Store_staff_see_their_stores_instances_a_supervisor_their_regions_and_nobody_starts_outside_their_scope()
    {
        var id = Flow.Id("scope");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("approve", "UserTask", new { title = "确认", assigneeRole = "store_manager" })
            .Activity("end", "End")
            .Connect("start", "approve").Connect("approve", "end")
            .Build());
        var inA = (await app.StartAsync(id, storeId: app.StoreA.Id)).InstanceId();
        var inB = (await app.StartAsync(id, storeId: app.StoreB.Id)).InstanceId();
        var inC = (await app.StartAsync(id, storeId: app.StoreC.Id)).InstanceId();
        var clerk = await app.ClientAsync(app.ClerkA);
        var supervisor = await app.ClientAsync(app.Supervisor);
        var managerA = await app.ClientAsync(app.ManagerA);

        Assert.Equal([inA], await ListedAsync(clerk, id));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetJsonAsync($"/api/workflows/instances/{inA}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetJsonAsync($"/api/workflows/instances/{inB}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetJsonAsync($"/api/workflows/instances/{inC}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await managerA.PostAsync($"/api/workflows/instances/{inC}/cancel")).Status);

        Assert.Equal(new[] { inA, inB }.Order(), (await ListedAsync(supervisor, id)).Order());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetJsonAsync($"/api/workflows/instances/{inB}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetJsonAsync($"/api/workflows/instances/{inC}")).Status);
        Assert.Equal([inC], await ListedAsync(await app.ClientAsync(app.SupervisorOfC), id));

        var (forbidden, _) = await managerA.PostAsync("/api/workflows/instances", new { definitionId = id, storeId = app.StoreC.Id });
        var (allowed, _) = await managerA.PostAsync("/api/workflows/instances", new { definitionId = id, storeId = app.StoreA.Id });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(HttpStatusCode.OK, allowed);
        Assert.Equal(4, (await ListedAsync(await app.HqAsync(), id)).Count);
        Assert.Equal("suspended", (await app.InstanceAsync(inC)).Status());
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string definitionId)
    {
        var (status, body) = await client.GetJsonAsync($"/api/workflows/instances?definitionId={definitionId}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
