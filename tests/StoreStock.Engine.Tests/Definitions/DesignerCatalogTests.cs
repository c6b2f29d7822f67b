using System.Net;
using System.Text.Json;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>What the designer draws from: the definition JSON schema and the activity palette.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class DesignerCatalogTests(EngineApp app)
{
    private static readonly string[] BuiltIn =
        ["Start", "End", "Decision", "Switch", "Fork", "Join", "SetVariable", "Delay", "Script", "Notify", "UserTask", "ApprovalChain"];

    [Fact]
    public async Task The_schema_describes_a_definition_down_to_its_activities_and_connections()
    {
        using var response = await (await app.HqAsync()).GetAsync(new Uri("/api/workflows/schema", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var definition = schema.GetProperty("properties");
        Assert.Contains("string", Types(definition.GetProperty("definitionId")));
        Assert.Contains("integer", Types(definition.GetProperty("version")));
        Assert.Contains("string", Types(definition.GetProperty("name")));
        var variable = Items(definition.GetProperty("variables")).GetProperty("properties");
        Assert.True(variable.TryGetProperty("name", out _) && variable.TryGetProperty("type", out _) && variable.TryGetProperty("default", out _));

        var root = definition.GetProperty("root").GetProperty("properties");
        var activity = Items(root.GetProperty("activities")).GetProperty("properties");
        foreach (var field in new[] { "id", "type", "inputs", "position" })
        {
            Assert.True(activity.TryGetProperty(field, out _), $"activities[] has no {field}");
        }

        Assert.Contains("object", Types(activity.GetProperty("inputs")));
        var connection = Items(root.GetProperty("connections")).GetProperty("properties");
        foreach (var field in new[] { "source", "outcome", "target" })
        {
            Assert.Contains("string", Types(connection.GetProperty(field)));
        }
    }

    [Fact]
    public async Task The_palette_lists_every_built_in_activity_with_both_names_its_inputs_and_its_outcomes()
    {
        var (status, body) = await (await app.HqAsync()).GetJsonAsync("/api/workflows/activities");
        Assert.Equal(HttpStatusCode.OK, status);
        var byType = body.EnumerateArray().ToDictionary(d => d.GetProperty("type").GetString()!, StringComparer.Ordinal);

        Assert.All(BuiltIn, type => Assert.True(byType.ContainsKey(type), $"{type} is missing from the palette"));
        foreach (var type in BuiltIn)
        {
            var name = byType[type].GetProperty("displayName");
            Assert.False(string.IsNullOrWhiteSpace(name.GetProperty("en").GetString()), type);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", name.GetProperty("zhCn").GetString());
            Assert.All(byType[type].GetProperty("inputs").EnumerateArray(), input =>
            {
                Assert.False(string.IsNullOrWhiteSpace(input.GetProperty("type").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(input.GetProperty("uiHint").GetString()));
                Assert.Equal(JsonValueKind.String, input.GetProperty("displayName").GetProperty("zhCn").ValueKind);
            });
        }

        Assert.Equal("条件判断", byType["Decision"].GetProperty("displayName").GetProperty("zhCn").GetString());
        Assert.Equal(["True", "False"], Outcomes(byType["Decision"]));
        Assert.Equal(["Approved", "Rejected"], Outcomes(byType["ApprovalChain"]));
        Assert.Empty(Outcomes(byType["End"]));
        var condition = InputOf(byType["Decision"], "condition");
        Assert.True(condition.GetProperty("required").GetBoolean());
        Assert.Equal("code", condition.GetProperty("uiHint").GetString());
        Assert.Equal("boolean", condition.GetProperty("type").GetString());
        Assert.True(InputOf(byType["UserTask"], "title").GetProperty("required").GetBoolean());
        var role = InputOf(byType["UserTask"], "assigneeRole");
        Assert.Equal("role", role.GetProperty("uiHint").GetString());
        Assert.False(role.GetProperty("required").GetBoolean());
        Assert.Equal("array of string", InputOf(byType["Fork"], "branches").GetProperty("type").GetString());
        Assert.True(byType["Fork"].GetProperty("hasConfigurableOutcomes").GetBoolean());
        Assert.True(byType["UserTask"].GetProperty("isBlocking").GetBoolean());
        Assert.False(byType["Script"].GetProperty("isBlocking").GetBoolean());
    }

    private static JsonElement InputOf(JsonElement descriptor, string name) =>
        descriptor.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);

    private static List<string> Outcomes(JsonElement descriptor) =>
        descriptor.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()!).ToList();

    /// <summary>A schema's type keyword, a single name or a list (["string", "null"]).</summary>
    private static List<string> Types(JsonElement schema) => schema.GetProperty("type") is var type && type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [type.GetString()!];

    private static JsonElement Items(JsonElement arraySchema)
    {
        Assert.Contains("array", Types(arraySchema));
        return arraySchema.GetProperty("items");
    }
}
