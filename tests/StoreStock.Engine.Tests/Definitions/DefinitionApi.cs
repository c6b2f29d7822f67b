using System.Net;
using System.Text.Json;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>HQ's calls to the definition API, and the checks every refused publish shares.</summary>
internal static class DefinitionApi
{
    public const string Definitions = "/api/workflows/definitions";

    public static string IdOf(object definition) => JsonSerializer.SerializeToElement(definition).GetProperty("definitionId").GetString()!;

    public static async Task<JsonElement> SaveDraftAsync(this EngineApp app, object definition)
    {
        var (status, body) = await (await app.HqAsync()).PutAsync($"{Definitions}/{IdOf(definition)}", definition);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>The versions, newest first.</summary>
    public static async Task<List<JsonElement>> VersionsAsync(this EngineApp app, string definitionId)
    {
        var (status, body) = await (await app.HqAsync()).GetJsonAsync($"{Definitions}/{definitionId}/versions");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.EnumerateArray().ToList();
    }

    public static async Task<List<JsonElement>> ValidateAsync(this EngineApp app, object definition)
    {
        var (status, report) = await (await app.HqAsync()).PostAsync($"{Definitions}/validate", definition);
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(problems.Count == 0, report.GetProperty("isValid").GetBoolean());
        return problems;
    }

    /// <summary>
    /// Saves the draft and tries to publish it. The publish must be refused (400 listing the problems, the same
    /// ones /validate reports) and leave no published version behind, so no instance can start.
    /// </summary>
    public static async Task<List<JsonElement>> PublishRefusedAsync(this EngineApp app, object definition)
    {
        var id = IdOf(definition);
        await app.SaveDraftAsync(definition);
        var (status, refusal) = await (await app.HqAsync()).PostAsync($"{Definitions}/{id}/publish");
        Assert.True(status == HttpStatusCode.BadRequest, refusal.ToString());
        var problems = refusal.GetProperty("problems").EnumerateArray().ToList();
        Assert.NotEmpty(problems);
        Assert.Equal(Codes(await app.ValidateAsync(definition)), Codes(problems));
        Assert.DoesNotContain(await app.VersionsAsync(id), v => v.GetProperty("isPublished").GetBoolean());
        var (start, _) = await (await app.HqAsync()).PostAsync("/api/workflows/instances", new { definitionId = id, storeId = app.StoreA.Id });
        Assert.Equal(HttpStatusCode.NotFound, start);
        return problems;
    }

    /// <summary>The one problem of this kind at this activity; it must explain itself in both languages.</summary>
    public static JsonElement ProblemAt(this IEnumerable<JsonElement> problems, string code, string? activityId)
    {
        var all = problems.ToList();
        var matches = all.Where(p => p.GetProperty("code").GetString() == code && ActivityOf(p) == activityId).ToList();
        Assert.True(matches.Count == 1, $"expected one {code} at {activityId ?? "(the flowchart)"}, got: {string.Join("; ", all)}");
        var problem = matches[0];
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("messageEn").GetString()));
        return problem;
    }

    public static string? InputOf(this JsonElement problem) =>
        problem.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.String ? input.GetString() : null;

    public static string MessageEn(this JsonElement problem) => problem.GetProperty("messageEn").GetString()!;

    private static string? ActivityOf(JsonElement problem) =>
        problem.TryGetProperty("activityId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static List<string> Codes(List<JsonElement> problems) =>
        problems.Select(p => $"{p.GetProperty("code").GetString()}@{ActivityOf(p)}/{p.InputOf()}").Order(StringComparer.Ordinal).ToList();
}
