using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Workflows.Shipped;

namespace StoreStock.Workflows.Tests.Shipped;

public sealed class ShippedDefinitionsTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task Every_shipped_definition_is_published_as_version_1_on_first_start()
    {
        var shipped = ShippedDefinitions.All();
        Assert.NotEmpty(shipped);
        var hq = await app.HqAsync();
        foreach (var definition in shipped)
        {
            var (status, versions) = await hq.GetJsonAsync($"/api/workflows/definitions/{definition.DefinitionId}/versions");
            Assert.Equal(HttpStatusCode.OK, status);
            var only = Assert.Single(versions.EnumerateArray());
            Assert.Equal(1, only.GetProperty("version").GetInt32());
            Assert.True(only.GetProperty("isPublished").GetBoolean(), definition.DefinitionId);
        }
    }

    [Fact]
    public async Task Seeding_again_publishes_nothing_and_keeps_HQs_edits()
    {
        var seeder = app.Services.GetRequiredService<ShippedDefinitions>();
        Assert.Empty(await seeder.PublishMissingAsync(CancellationToken.None));
        foreach (var definition in ShippedDefinitions.All())
        {
            var (_, versions) = await (await app.HqAsync()).GetJsonAsync($"/api/workflows/definitions/{definition.DefinitionId}/versions");
            Assert.Single(versions.EnumerateArray());
        }
    }
}
