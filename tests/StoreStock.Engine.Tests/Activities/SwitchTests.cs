namespace StoreStock.Engine.Tests.Activities;

public sealed class SwitchTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Theory]
    [InlineData(5000, "Urgent")]
    [InlineData(800, "Large")]
    [InlineData(120, "Default")]
    public async Task The_first_case_that_holds_wins_and_Default_takes_the_rest(int amount, string expected)
    {
        var id = Flow.Id("switch");
        var cases = new object[]
        {
            new { outcome = "Urgent", condition = "amount > 1000" },
            new { outcome = "Large", condition = "amount > 500" },
        };
        await app.PublishAsync(new Flow(id).Start()
            .Activity("size", "Switch", new { cases })
            .Activity("urgent", "SetVariable", new { variable = "handledBy", value = "总部" })
            .Activity("large", "SetVariable", new { variable = "handledBy", value = "区域督导" })
            .Activity("normal", "SetVariable", new { variable = "handledBy", value = "店长" })
            .Activity("end", "End")
            .Connect("start", "size")
            .Connect("size", "urgent", "Urgent").Connect("size", "large", "Large").Connect("size", "normal", "Default")
            .Connect("urgent", "end").Connect("large", "end").Connect("normal", "end")
            .Build());

        var detail = await app.InstanceAsync((await app.StartAsync(id, new { amount })).InstanceId());

        Assert.Equal("finished", detail.Status());
        var chosen = Assert.Single(detail.GetProperty("journal").EnumerateArray(), j => j.GetProperty("activityId").GetString() == "size");
        Assert.Equal(expected, chosen.GetProperty("outcome").GetString());
        Assert.Equal(expected switch { "Urgent" => "总部", "Large" => "区域督导", _ => "店长" }, detail.Variables().GetProperty("handledBy").GetString());
        Assert.Equal(1, detail.Runs("urgent") + detail.Runs("large") + detail.Runs("normal"));
    }
}
