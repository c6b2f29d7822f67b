namespace StoreStock.Engine.Tests.Activities;

public sealed class ScriptTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task A_script_writes_variables_with_setVariable_and_its_last_value_goes_to_the_result_variable()
    {
        var id = Flow.Id("script");
        const string code = """
            var total = 0;
            for (var i = 0; i < lines.length; i++) { total += lines[i].qty * lines[i].cost; }
            setVariable('total', total);
            setVariable('overLimit', total > 500);
            lines = [];
            '共 ' + lines.length + ' 行之后合计 ' + total + ' 元';
            """;
        await app.PublishAsync(new Flow(id).Start()
            .Activity("sum", "Script", new { code, resultVariable = "summary" })
            .Activity("end", "End")
            .Connect("start", "sum").Connect("sum", "end")
            .Build());
        var lines = new object[] { new { sku = "BR-01", qty = 10, cost = 8.5 }, new { sku = "BR-02", qty = 40, cost = 12 } };

        var detail = await app.InstanceAsync((await app.StartAsync(id, new { lines })).InstanceId());

        Assert.Equal("finished", detail.Status());
        var variables = detail.Variables();
        Assert.Equal(565, variables.GetProperty("total").GetDecimal());
        Assert.True(variables.GetProperty("overLimit").GetBoolean());
        Assert.Equal("共 0 行之后合计 565 元", variables.GetProperty("summary").GetString());
        // Assigning a global inside the script is local to the run; only setVariable writes back.
        Assert.Equal(2, variables.GetProperty("lines").GetArrayLength());
    }
}
