using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests.Tasks;

/// <summary>Notify writes one outbox message per person, roles resolved inside the instance's store and region.</summary>
public sealed class NotifyTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Users_and_role_holders_of_the_instances_store_and_region_each_get_one_rendered_message()
    {
        var id = await PublishAlertAsync(users: [app.Hq, app.ManagerA]);

        var started = await app.StartAsync(id, new { product = "鲜牛奶 950ml", qty = 3 }, app.StoreA.Id);

        Assert.Equal("finished", started.GetProperty("status").GetString());
        var outbox = await app.OutboxAsync(started.InstanceId());
        Assert.All(outbox, m => Assert.Equal("notify", m.Kind));
        Assert.Equal(new[] { app.Hq, app.ManagerA, app.Supervisor }.Order(StringComparer.Ordinal), outbox.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(outbox, m =>
        {
            Assert.Equal("库存预警：鲜牛奶 950ml", m.Title);
            Assert.Equal("鲜牛奶 950ml 仅剩 3 件，请及时补货", m.Body);
            Assert.Null(m.TaskId);
        });
    }

    [Fact]
    public async Task Roles_are_resolved_in_the_other_region_for_an_instance_of_store_c()
    {
        var id = await PublishAlertAsync(users: []);

        var started = await app.StartAsync(id, new { product = "矿泉水 550ml", qty = 0 }, app.StoreC.Id);

        var outbox = await app.OutboxAsync(started.InstanceId());
        Assert.Equal(new[] { app.ManagerC, app.SupervisorOfC }.Order(StringComparer.Ordinal), outbox.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(outbox, m => Assert.Equal("矿泉水 550ml 仅剩 0 件，请及时补货", m.Body));
    }

    private async Task<string> PublishAlertAsync(string[] users)
    {
        var id = Flow.Id("notify");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("alert", "Notify", new
            {
                users,
                roles = new[] { Role.StoreManager, Role.RegionalSupervisor },
                title = "库存预警：{{product}}",
                body = "{{product}} 仅剩 {{qty}} 件，请及时补货",
            })
            .Activity("end", "End").Connect("start", "alert").Connect("alert", "end").Build());
        return id;
    }
}
