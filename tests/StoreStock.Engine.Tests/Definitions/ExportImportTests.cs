using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>A version exported as JSON imports as a draft that publishes and runs the same way.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class ExportImportTests(EngineApp app)
{
    [Fact]
    public async Task An_exported_version_imports_as_a_draft_under_a_new_id_publishes_and_runs()
    {
        var sourceId = Flow.Id("export");
        await app.PublishAsync(ValidationReportTests.SoundWriteOff(sourceId));
        var hq = await app.HqAsync();

        using var response = await hq.GetAsync(new Uri($"{DefinitionApi.Definitions}/{sourceId}/export?version=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{sourceId}-v1.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        var importedId = Flow.Id("imported");
        exported["definitionId"] = importedId;
        var (status, draft) = await hq.PostAsync($"{DefinitionApi.Definitions}/import", exported);

        Assert.True(status == HttpStatusCode.OK, draft.ToString());
        Assert.Equal(1, draft.GetProperty("version").GetInt32());
        Assert.False(draft.GetProperty("isPublished").GetBoolean());
        using var reExport = await hq.GetAsync(new Uri($"{DefinitionApi.Definitions}/{importedId}/export", UriKind.Relative));
        var reExported = JsonNode.Parse(await reExport.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(exported["root"], reExported["root"]), "the flowchart, its inputs and positions survive the round trip");
        Assert.True(JsonNode.DeepEquals(exported["variables"], reExported["variables"]));
        Assert.Equal("门店报损", reExported["name"]!.GetValue<string>());

        var (published, _) = await hq.PostAsync($"{DefinitionApi.Definitions}/{importedId}/publish");
        Assert.Equal(HttpStatusCode.OK, published);
        var started = await app.StartAsync(importedId);
        var card = Assert.Single(started.GetProperty("newTasks").EnumerateArray());
        Assert.Equal("填写报损单", card.GetProperty("title").GetString());
        Assert.Equal([app.ClerkA], card.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Importing_an_export_under_its_own_id_makes_a_draft_above_the_published_version()
    {
        var id = Flow.Id("reimport");
        await app.PublishAsync(VersioningTests.OneCount(id, "盘点冷柜"));
        var hq = await app.HqAsync();
        using var response = await hq.GetAsync(new Uri($"{DefinitionApi.Definitions}/{id}/export", UriKind.Relative));
        var exported = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

        var (status, draft) = await hq.PostAsync($"{DefinitionApi.Definitions}/import", exported);

        Assert.True(status == HttpStatusCode.OK, draft.ToString());
        Assert.Equal(2, draft.GetProperty("version").GetInt32());
        Assert.False(draft.GetProperty("isPublished").GetBoolean());
        Assert.Equal([(2, false), (1, true)], (await app.VersionsAsync(id)).Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isPublished").GetBoolean())));
    }
}
