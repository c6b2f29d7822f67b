using System.Net;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>Everyone who runs workflows reads definitions; only HQ designs them; integrations do neither.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class DefinitionAccessTests(EngineApp app)
{
    [Fact]
    public async Task A_clerk_reads_definitions_but_may_not_save_validate_publish_restore_or_import()
    {
        var id = Flow.Id("clerk-reads");
        var definition = VersioningTests.OneCount(id, "盘点冷柜");
        await app.PublishAsync(definition);
        var clerk = await app.ClientAsync(app.ClerkA);

        foreach (var path in new[] { DefinitionApi.Definitions, $"{DefinitionApi.Definitions}/{id}", $"{DefinitionApi.Definitions}/{id}/versions",
            $"{DefinitionApi.Definitions}/{id}/export", "/api/workflows/activities", "/api/workflows/schema" })
        {
            using var read = await clerk.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET {path}: {read.StatusCode}");
        }

        var (save, _) = await clerk.PutAsync($"{DefinitionApi.Definitions}/{id}", VersioningTests.OneCount(id, "店员改的标题"));
        var (validate, _) = await clerk.PostAsync($"{DefinitionApi.Definitions}/validate", definition);
        var (publish, _) = await clerk.PostAsync($"{DefinitionApi.Definitions}/{id}/publish");
        var (restore, _) = await clerk.PostAsync($"{DefinitionApi.Definitions}/{id}/versions/1/restore");
        var (import, _) = await clerk.PostAsync($"{DefinitionApi.Definitions}/import", VersioningTests.OneCount(Flow.Id("clerk-import"), "导入"));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [save, validate, publish, restore, import]);
        var only = Assert.Single(await app.VersionsAsync(id));
        Assert.True(only.GetProperty("isPublished").GetBoolean());
    }

    [Fact]
    public async Task An_api_key_may_neither_read_nor_write_definitions()
    {
        var id = Flow.Id("api-key");
        await app.PublishAsync(VersioningTests.OneCount(id, "盘点冷柜"));
        using var integration = app.ApiKeyClient(await app.Org.ApiKeyAsync(["pos"], [app.StoreA.Id]));

        var (list, _) = await integration.GetJsonAsync(DefinitionApi.Definitions);
        var (save, _) = await integration.PutAsync($"{DefinitionApi.Definitions}/{id}", VersioningTests.OneCount(id, "收银机改的标题"));
        var (publish, _) = await integration.PostAsync($"{DefinitionApi.Definitions}/{id}/publish");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [list, save, publish]);
        Assert.Single(await app.VersionsAsync(id));
    }
}
