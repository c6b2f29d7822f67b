using System.Net;
using System.Text;

namespace StoreStock.Engine.Tests.Definitions;

/// <summary>Invariant 9 for definitions: bad input is answered with the field and the reason, and nothing is saved.</summary>
[Collection(DefinitionsCollection.Name)]
public sealed class DefinitionBadInputTests(EngineApp app)
{
    [Theory]
    [InlineData("Write%20Off")]
    [InlineData("报损")]
    [InlineData("-leading-dash")]
    public async Task A_draft_with_an_invalid_definition_id_is_refused_naming_the_field(string badId)
    {
        var (status, problem) = await (await app.HqAsync()).PutAsync($"{DefinitionApi.Definitions}/{badId}", VersioningTests.OneCount("ignored", "盘点"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("definitionId", problem.ErrorFields());
        var (missing, _) = await (await app.HqAsync()).GetJsonAsync($"{DefinitionApi.Definitions}/{badId}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_draft_without_a_name_is_refused_naming_the_field(string name)
    {
        var id = Flow.Id("no-name");
        var (status, problem) = await (await app.HqAsync()).PutAsync($"{DefinitionApi.Definitions}/{id}",
            new Flow(id).Start().Activity("end", "End").Connect("start", "end").Build(name));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["name"], problem.ErrorFields());
        var (missing, _) = await (await app.HqAsync()).GetJsonAsync($"{DefinitionApi.Definitions}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Malformed_json_is_refused_and_saves_nothing()
    {
        var id = Flow.Id("malformed");
        using var content = new StringContent($$"""{ "definitionId": "{{id}}", "name": "报损", "root": { "activities": [ """, Encoding.UTF8, "application/json");

        using var response = await (await app.HqAsync()).PutAsync(new Uri($"{DefinitionApi.Definitions}/{id}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var (missing, _) = await (await app.HqAsync()).GetJsonAsync($"{DefinitionApi.Definitions}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task A_definition_whose_parts_are_null_is_refused_naming_the_part_not_answered_with_a_server_error()
    {
        var id = Flow.Id("null-parts");
        var hq = await app.HqAsync();

        var (noRoot, rootProblem) = await hq.PutAsync($"{DefinitionApi.Definitions}/{id}", new { definitionId = id, name = "报损", root = (object?)null });
        var (noLists, listsProblem) = await hq.PutAsync($"{DefinitionApi.Definitions}/{id}",
            new { definitionId = id, name = "报损", variables = (object?)null, root = new { activities = (object?)null, connections = (object?)null } });
        var (validate, validateProblem) = await hq.PostAsync($"{DefinitionApi.Definitions}/validate", new { definitionId = id, name = "报损", root = (object?)null });

        Assert.True(noRoot == HttpStatusCode.BadRequest, rootProblem.ToString());
        Assert.Contains("root", rootProblem.ErrorFields());
        Assert.True(noLists == HttpStatusCode.BadRequest, listsProblem.ToString());
        Assert.Contains("root.activities", listsProblem.ErrorFields());
        Assert.Contains("root.connections", listsProblem.ErrorFields());
        Assert.Contains("variables", listsProblem.ErrorFields());
        Assert.True(validate == HttpStatusCode.BadRequest, validateProblem.ToString());
        var (missing, _) = await hq.GetJsonAsync($"{DefinitionApi.Definitions}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Activities_and_connections_with_null_ids_types_or_ends_are_refused_naming_each_one()
    {
        var id = Flow.Id("null-fields");
        var definition = new
        {
            definitionId = id,
            name = "报损",
            root = new
            {
                activities = new object?[]
                {
                    new { id = "start", type = "Start" },
                    new { id = "mystery", type = (string?)null, inputs = (object?)null },
                    new { id = (string?)null, type = "End" },
                    null,
                },
                connections = new object[] { new { source = "start", outcome = "Done", target = (string?)null } },
            },
        };

        var (status, problem) = await (await app.HqAsync()).PutAsync($"{DefinitionApi.Definitions}/{id}", definition);

        Assert.True(status == HttpStatusCode.BadRequest, problem.ToString());
        Assert.Equal(
            ["root.activities[1].type", "root.activities[1].inputs", "root.activities[2].id", "root.activities[3]", "root.connections[0].target"],
            problem.ErrorFields());
        var (missing, _) = await (await app.HqAsync()).GetJsonAsync($"{DefinitionApi.Definitions}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
