using System.Net;

namespace StoreStock.Workflows.Tests.WriteOffs;

public sealed class WriteOffInputTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"locationCode":"{floor}","reason":"damaged","photoUrl":"https://x.cn/a.jpg","lines":[]}""", "lines" },
        { """{"locationCode":"{floor}","reason":"damaged","lines":[{"code":"{sku}","quantity":1}]}""", "photoUrl" },
        { """{"locationCode":"{floor}","reason":"damaged","photoUrl":"not a url","lines":[{"code":"{sku}","quantity":1}]}""", "photoUrl" },
        { """{"locationCode":"{floor}","reason":"lost","photoUrl":"https://x.cn/a.jpg","lines":[{"code":"{sku}","quantity":1}]}""", "reason" },
        { """{"locationCode":"{floor}","reason":"damaged","photoUrl":"https://x.cn/a.jpg","lines":[{"code":"NO-SUCH-SKU","quantity":1}]}""", "lines[0].code" },
        { """{"locationCode":"{floor}","reason":"damaged","photoUrl":"https://x.cn/a.jpg","lines":[{"code":"{sku}","quantity":0}]}""", "lines[0].quantity" },
        { """{"locationCode":"NOWHERE","reason":"damaged","photoUrl":"https://x.cn/a.jpg","lines":[{"code":"{sku}","quantity":1}]}""", "locationCode" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_names_the_field_and_starts_nothing(string template, string field)
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var body = template.Replace("{floor}", app.StoreA.Code + "-F", StringComparison.Ordinal).Replace("{sku}", product.Sku, StringComparison.Ordinal);
        var before = await CountsAsync();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await (await app.ClientAsync(app.ClerkA)).PostAsync("/api/write-offs", content);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_clerk_cannot_write_off_another_stores_goods()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreB.SellingLocationId, 50));
        var before = await CountsAsync();
        var (status, _) = await (await app.ClientAsync(app.ClerkA)).PostAsync("/api/write-offs", WriteOffApi.Request(app.StoreB, (product.Sku, 1)));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Another_stores_manager_neither_sees_nor_decides_the_card()
    {
        var product = await app.ProductWithStockAsync(4m, (app.StoreA.SellingLocationId, 50));
        var (instanceId, number, _) = await app.SubmitAsync(app.ClerkA, WriteOffApi.Request(app.StoreA, (product.Sku, 1)));
        var card = await app.OpenCardAsync(instanceId);

        var managerB = await app.ClientAsync(app.ManagerB);
        Assert.Equal(HttpStatusCode.NotFound, (await managerB.GetJsonAsync($"/api/documents/{number}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await managerB.GetJsonAsync($"/api/workflows/instances/{instanceId}")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await app.DecideAsync(app.ManagerB, card, "Approve")).Status);
        Assert.Equal("submitted", (await app.DocumentAsync(number)).GetProperty("status").GetString());
    }

    private async Task<(long Documents, long Instances)> CountsAsync()
    {
        await using var c = await app.Db.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("select (select count(*) from document), (select count(*) from wf_instance)", c);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
