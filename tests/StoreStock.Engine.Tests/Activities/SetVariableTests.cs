namespace StoreStock.Engine.Tests.Activities;

public sealed class SetVariableTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task A_literal_a_javascript_expression_and_a_template_each_set_their_variable_and_later_activities_see_them()
    {
        var id = Flow.Id("setvariable");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("literal", "SetVariable", new { variable = "line", value = new { sku = "NF-500", name = "农夫山泉 550ml", qty = 24 } })
            .Activity("js", "SetVariable", new { variable = "amount", value = new { type = "js", value = "line.qty * price" } })
            .Activity("template", "SetVariable", new { variable = "title", value = new { type = "template", value = "{{storeName}} 报损 {{line.name}} × {{line.qty}}，共 {{amount}} 元" } })
            .Activity("end", "End")
            .Connect("start", "literal").Connect("literal", "js").Connect("js", "template").Connect("template", "end")
            .Build());

        var detail = await app.InstanceAsync((await app.StartAsync(id, new { price = 2.5, storeName = "人民路店" })).InstanceId());

        Assert.Equal("finished", detail.Status());
        var variables = detail.Variables();
        Assert.Equal("NF-500", variables.GetProperty("line").GetProperty("sku").GetString());
        Assert.Equal(24, variables.GetProperty("line").GetProperty("qty").GetInt32());
        Assert.Equal(60, variables.GetProperty("amount").GetDecimal());
        Assert.Equal("人民路店 报损 农夫山泉 550ml × 24，共 60 元", variables.GetProperty("title").GetString());
    }
}
