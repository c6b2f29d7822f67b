using System.Net;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>Restoring an older version publishes a copy of it as the newest version.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class RestoreTests(EngineApp app)
{
    [Fact]
    public async Task Restoring_version_1_publishes_it_as_version_3_and_new_instances_run_it()
    {
        var id = Flow.Id("restore");
        await app.PublishAsync(VersioningTests.OneCount(id, "盘点冷柜"));
        await app.PublishAsync(VersioningTests.OneCount(id, "盘点冷柜（试行版）"));
        var onV2 = await app.StartAsync(id);

        var (status, restored) = await (await app.HqAsync()).PostAsync($"{DefinitionApi.Definitions}/{id}/versions/1/restore");

        Assert.True(status == HttpStatusCode.OK, restored.ToString());
        Assert.Equal(3, restored.GetProperty("version").GetInt32());
        Assert.True(restored.GetProperty("isPublished").GetBoolean());
        Assert.Equal("盘点冷柜", VersioningTests.TitleOf(restored, "count"));
        var versions = await app.VersionsAsync(id);
        Assert.Equal([(3, true, true), (2, true, false), (1, true, false)],
            versions.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isPublished").GetBoolean(), v.GetProperty("isLatest").GetBoolean())));

        var started = await app.StartAsync(id);
        Assert.Equal("盘点冷柜", started.GetProperty("newTasks")[0].GetProperty("title").GetString());
        Assert.Equal(3, (await app.InstanceAsync(started.GetProperty("instanceId").GetGuid())).GetProperty("instance").GetProperty("version").GetInt32());
        Assert.Equal(2, (await app.InstanceAsync(onV2.GetProperty("instanceId").GetGuid())).GetProperty("instance").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Restoring_a_version_that_was_never_published_is_not_found_and_changes_nothing()
    {
        var id = Flow.Id("restore-missing");
        await app.PublishAsync(VersioningTests.OneCount(id, "盘点冷柜"));
        await app.SaveDraftAsync(VersioningTests.OneCount(id, "盘点冷柜（草稿）"));
        var hq = await app.HqAsync();

        var (draft, _) = await hq.PostAsync($"{DefinitionApi.Definitions}/{id}/versions/2/restore");
        var (missing, _) = await hq.PostAsync($"{DefinitionApi.Definitions}/{id}/versions/7/restore");

        Assert.Equal(HttpStatusCode.NotFound, draft);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal([(2, false), (1, true)], (await app.VersionsAsync(id)).Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isPublished").GetBoolean())));
    }
}
