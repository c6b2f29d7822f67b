using System.Diagnostics;
using System.Text.Json;

namespace StoreStock.Engine.Tests.Runtime;

/// <summary>Scripts run under statement, time, recursion and allocation limits with no CLR access; breaking a limit faults only that instance.</summary>
public sealed class ScriptSandboxTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly string[] Items = ["面包", "牛奶"];

    [Fact]
    public async Task A_loop_that_never_ends_faults_its_instance_naming_the_statement_or_time_limit()
    {
        var detail = await RunAsync("while (true) {}");

        var message = AssertFaultedByScript(detail);
        Assert.True(message.Contains("too many statements", StringComparison.Ordinal) || message.Contains("timed out", StringComparison.Ordinal), message);
    }

    [Theory]
    [InlineData("var s = '库存'; while (true) s = s + s;")]
    [InlineData("var rows = []; while (true) rows.push(new Array(1000).join('盘点'));")]
    public async Task A_script_that_allocates_without_bound_is_stopped_by_the_memory_limit(string code)
    {
        var detail = await RunAsync(code);

        Assert.Contains("too much memory", AssertFaultedByScript(detail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_that_fills_an_array_forever_is_stopped()
    {
        var detail = await RunAsync("var rows = []; while (true) rows.push({ sku: 'NF-' + rows.length, qty: rows.length });");

        var message = AssertFaultedByScript(detail);
        Assert.Contains("已停止", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recursion_without_end_is_stopped_by_the_recursion_limit()
    {
        var detail = await RunAsync("function visit(n) { return visit(n + 1); } visit(0);");

        Assert.Contains("recursion too deep", AssertFaultedByScript(detail), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File.Delete(path);")]
    [InlineData("importNamespace('System.IO').File.Delete(path);")]
    [InlineData("var io = System; io.IO.File.Delete(path);")]
    public async Task A_script_cannot_reach_the_CLR(string code)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "盘点记录");
        try
        {
            var detail = await RunAsync(code, new { path });

            Assert.Contains("is not defined", AssertFaultedByScript(detail), StringComparison.Ordinal);
            Assert.True(File.Exists(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_loop_of_a_few_thousand_rounds_over_many_variables_is_not_taken_for_a_memory_hog()
    {
        var input = Enumerable.Range(1, 40).ToDictionary(i => $"field{i}", i => (object)$"值{i}");
        input["rounds"] = 2000;

        var detail = await RunAsync("var total = 0; for (var i = 0; i < rounds; i++) { total += i; } setVariable('total', total);", input);

        Assert.True(detail.Status() == "finished", detail.ToString());
        Assert.Equal(1_999_000, detail.Variables().GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task While_a_runaway_script_runs_another_instance_started_at_the_same_time_finishes_normally()
    {
        var runawayId = await PublishScriptAsync("while (true) {}");
        var quickId = await PublishScriptAsync("setVariable('checked', items.length);");

        var runaway = app.StartAsync(runawayId);
        await Task.Delay(250);
        Assert.False(runaway.IsCompleted, "the runaway script should still be running");
        var waited = Stopwatch.StartNew();
        var quick = await app.StartAsync(quickId, new { items = Items });
        waited.Stop();
        var stopped = await runaway;

        Assert.Equal("finished", quick.GetProperty("status").GetString());
        Assert.Equal(2, (await app.InstanceAsync(quick.InstanceId())).Variables().GetProperty("checked").GetInt32());
        // The runaway keeps its thread until its 1 s time limit; the quick instance must not wait for it.
        Assert.True(waited.Elapsed < TimeSpan.FromMilliseconds(600), $"the quick instance took {waited.ElapsedMilliseconds} ms");
        Assert.Equal("faulted", stopped.GetProperty("status").GetString());
    }

    private async Task<JsonElement> RunAsync(string code, object? input = null)
    {
        var started = await app.StartAsync(await PublishScriptAsync(code), input);
        return await app.InstanceAsync(started.InstanceId());
    }

    private async Task<string> PublishScriptAsync(string code)
    {
        var id = Flow.Id("sandbox");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("script", "Script", new { code })
            .Activity("end", "End")
            .Connect("start", "script").Connect("script", "end")
            .Build());
        return id;
    }

    /// <summary>The instance is faulted on the script with one open incident; returns the incident's message.</summary>
    private static string AssertFaultedByScript(JsonElement detail)
    {
        Assert.True(detail.Status() == "faulted", detail.ToString());
        var incident = Assert.Single(detail.Incidents());
        Assert.Equal("script", incident.GetProperty("activityId").GetString());
        Assert.Contains(("script", "faulted"), detail.Events());
        Assert.Equal(0, detail.Runs("end"));
        return incident.GetProperty("message").GetString()!;
    }
}
