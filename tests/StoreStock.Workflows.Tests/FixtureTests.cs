using System.Net;

namespace StoreStock.Workflows.Tests;

public sealed class FixtureTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task The_inventory_activities_are_in_the_designer_palette_next_to_the_built_in_ones()
    {
        var (status, activities) = await (await app.HqAsync()).GetJsonAsync("/api/workflows/activities");
        Assert.Equal(HttpStatusCode.OK, status);
        var types = activities.EnumerateArray().Select(a => a.GetProperty("type").GetString()).ToList();
        Assert.Contains("ApprovalChain", types);
    }
}
