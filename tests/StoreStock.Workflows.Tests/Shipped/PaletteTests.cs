using System.Net;

namespace StoreStock.Workflows.Tests.Shipped;

public sealed class PaletteTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    [Fact]
    public async Task The_inventory_activities_describe_themselves_for_the_designer()
    {
        var (status, activities) = await (await app.HqAsync()).GetJsonAsync("/api/workflows/activities");
        Assert.Equal(HttpStatusCode.OK, status);
        var post = activities.EnumerateArray().Single(a => a.GetProperty("type").GetString() == "PostWriteOff");
        Assert.Equal(WorkflowCategories.Stock, post.GetProperty("category").GetString());
        Assert.Equal(["Posted", "Short"], post.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains(post.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "number");
    }
}
