using System.Net;
using System.Text.Json;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>Draft → publish makes an immutable version; instances stay on the version they started on.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class VersioningTests(EngineApp app)
{
    [Fact]
    public async Task Editing_after_publish_makes_draft_2_and_leaves_version_1_unchanged_and_in_service()
    {
        var id = Flow.Id("edit-after-publish");
        var hq = await app.HqAsync();
        var draft1 = await app.SaveDraftAsync(OneCount(id, "盘点冷柜"));
        Assert.Equal(1, draft1.GetProperty("version").GetInt32());
        Assert.False(draft1.GetProperty("isPublished").GetBoolean());
        Assert.Equal(1, await PublishAsync(id));

        var draft2 = await app.SaveDraftAsync(OneCount(id, "盘点冷柜（新）"));
        var draft2Again = await app.SaveDraftAsync(OneCount(id, "盘点冷柜（再改）"));

        Assert.Equal(2, draft2.GetProperty("version").GetInt32());
        Assert.Equal(2, draft2Again.GetProperty("version").GetInt32());
        var (_, v1) = await hq.GetJsonAsync($"{DefinitionApi.Definitions}/{id}?version=1");
        Assert.True(v1.GetProperty("isPublished").GetBoolean());
        Assert.Equal("盘点冷柜", TitleOf(v1, "count"));
        var (_, latest) = await hq.GetJsonAsync($"{DefinitionApi.Definitions}/{id}");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.False(latest.GetProperty("isPublished").GetBoolean());
        Assert.Equal("盘点冷柜（再改）", TitleOf(latest, "count"));

        var started = await app.StartAsync(id);
        Assert.Equal("盘点冷柜", started.GetProperty("newTasks")[0].GetProperty("title").GetString());
        Assert.Equal(1, (await app.InstanceAsync(started.GetProperty("instanceId").GetGuid())).GetProperty("instance").GetProperty("version").GetInt32());
        var (onDraft, _) = await hq.PostAsync("/api/workflows/instances", new { definitionId = id, version = 2, storeId = app.StoreA.Id });
        Assert.Equal(HttpStatusCode.NotFound, onDraft);
    }

    [Fact]
    public async Task An_instance_started_on_version_1_keeps_running_version_1_after_version_2_is_published()
    {
        var id = Flow.Id("keeps-version");
        Assert.Equal(1, await app.PublishAsync(OneCount(id, "盘点冷柜")));
        var onV1 = await app.StartAsync(id);

        Assert.Equal(2, await app.PublishAsync(CountThenRecheck(id)));
        var onV2 = await app.StartAsync(id);

        Assert.Equal("盘点冷柜", onV1.GetProperty("newTasks")[0].GetProperty("title").GetString());
        Assert.Equal("盘点冷柜（需复核）", onV2.GetProperty("newTasks")[0].GetProperty("title").GetString());
        var clerk = await app.ClientAsync(app.ClerkA);

        var (_, v1Done) = await clerk.PostAsync($"/api/tasks/{onV1.GetProperty("newTasks")[0].GetProperty("id").GetGuid()}/complete", new { outcome = "Done" });
        Assert.Equal("finished", v1Done.GetProperty("status").GetString());
        Assert.Empty(v1Done.GetProperty("newTasks").EnumerateArray());
        var v1Detail = await app.InstanceAsync(onV1.GetProperty("instanceId").GetGuid());
        Assert.Equal(1, v1Detail.GetProperty("instance").GetProperty("version").GetInt32());
        Assert.Equal("一次盘点", v1Detail.GetProperty("variables").GetProperty("path").GetString());

        var (_, v2Next) = await clerk.PostAsync($"/api/tasks/{onV2.GetProperty("newTasks")[0].GetProperty("id").GetGuid()}/complete", new { outcome = "Done" });
        Assert.Equal("suspended", v2Next.GetProperty("status").GetString());
        Assert.Equal("店长复核", Assert.Single(v2Next.GetProperty("newTasks").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(2, (await app.InstanceAsync(onV2.GetProperty("instanceId").GetGuid())).GetProperty("instance").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_refused_publish_leaves_the_published_version_in_service()
    {
        var id = Flow.Id("refused-v2");
        await app.PublishAsync(OneCount(id, "盘点冷柜"));
        await app.SaveDraftAsync(new Flow(id).Start().Activity("end", "End").Activity("lost", "End").Connect("start", "end").Build());

        var (status, _) = await (await app.HqAsync()).PostAsync($"{DefinitionApi.Definitions}/{id}/publish");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([(2, false), (1, true)], (await app.VersionsAsync(id)).Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isPublished").GetBoolean())));
        var started = await app.StartAsync(id);
        Assert.Equal("盘点冷柜", started.GetProperty("newTasks")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Publishing_without_a_draft_is_a_conflict_and_an_unknown_definition_is_not_found()
    {
        var id = Flow.Id("no-draft");
        await app.PublishAsync(OneCount(id, "盘点冷柜"));
        var hq = await app.HqAsync();

        var (again, problem) = await hq.PostAsync($"{DefinitionApi.Definitions}/{id}/publish");
        var (unknown, _) = await hq.PostAsync($"{DefinitionApi.Definitions}/{Flow.Id("nobody")}/publish");

        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("no draft", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Single(await app.VersionsAsync(id));
    }

    [Fact]
    public async Task The_versions_list_shows_each_version_newest_first_with_its_state()
    {
        var id = Flow.Id("versions-list");
        await app.PublishAsync(OneCount(id, "盘点一"));
        await app.PublishAsync(OneCount(id, "盘点二"));
        await app.SaveDraftAsync(OneCount(id, "盘点三"));

        var versions = await app.VersionsAsync(id);

        Assert.Equal([3, 2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([false, true, true], versions.Select(v => v.GetProperty("isPublished").GetBoolean()));
        Assert.Equal([true, false, false], versions.Select(v => v.GetProperty("isLatest").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("publishedAt").ValueKind);
        Assert.All(versions.Skip(1), v => Assert.Equal(app.Clock.GetUtcNow(), v.GetProperty("publishedAt").GetDateTimeOffset()));
        Assert.All(versions, v => Assert.Contains(app.Hq, v.GetProperty("createdBy").GetString(), StringComparison.Ordinal));

        var (_, list) = await (await app.HqAsync()).GetJsonAsync(DefinitionApi.Definitions);
        var summary = Assert.Single(list.EnumerateArray(), d => d.GetProperty("definitionId").GetString() == id);
        Assert.Equal(3, summary.GetProperty("latestVersion").GetInt32());
        Assert.Equal(2, summary.GetProperty("publishedVersion").GetInt32());
        Assert.True(summary.GetProperty("hasDraft").GetBoolean());
        var (missing, _) = await (await app.HqAsync()).GetJsonAsync($"{DefinitionApi.Definitions}/{id}?version=9");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    internal static object OneCount(string id, string title) => new Flow(id).Start()
        .Activity("count", "UserTask", new { title, assigneeRole = "clerk" })
        .Activity("mark", "SetVariable", new { variable = "path", value = "一次盘点" })
        .Activity("end", "End")
        .Connect("start", "count").Connect("count", "mark").Connect("mark", "end")
        .Build("冷柜盘点");

    private static object CountThenRecheck(string id) => new Flow(id).Start()
        .Activity("count", "UserTask", new { title = "盘点冷柜（需复核）", assigneeRole = "clerk" })
        .Activity("recheck", "UserTask", new { title = "店长复核", assigneeRole = "store_manager" })
        .Activity("end", "End")
        .Connect("start", "count").Connect("count", "recheck").Connect("recheck", "end")
        .Build("冷柜盘点（复核）");

    internal static string? TitleOf(JsonElement definition, string activityId) =>
        definition.GetProperty("root").GetProperty("activities").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == activityId).GetProperty("inputs").GetProperty("title").GetString();

    private async Task<int> PublishAsync(string id)
    {
        var (status, body) = await (await app.HqAsync()).PostAsync($"{DefinitionApi.Definitions}/{id}/publish");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("version").GetInt32();
    }
}
