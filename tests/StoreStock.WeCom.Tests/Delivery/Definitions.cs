namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>Small definitions that put each kind of message in the outbox.</summary>
public static class Definitions
{
    /// <summary>One approval level for a role of the instance's store: an Approve / Reject card for each holder.</summary>
    public static object Approval(string id, string role, object? deadline = null)
    {
        var inputs = new Dictionary<string, object> { ["title"] = "报损 {{amount}} 元", ["body"] = "{{note}}", ["levels"] = new[] { new { role } } };
        if (deadline is not null)
        {
            inputs["deadline"] = deadline;
        }

        return Flow(id, "approve", new { id = "approve", type = "ApprovalChain", inputs }, "Approved", "Rejected");
    }

    /// <summary>A count a clerk must fill in: a card that needs the tasks app.</summary>
    public static object Count(string id) => Flow(id, "count",
        new
        {
            id = "count",
            type = "UserTask",
            inputs = new
            {
                title = "盘点冷柜",
                body = "请清点冷柜里的可乐",
                assigneeRole = "clerk",
                form = new[] { new { name = "counted", type = "number", label = "数量", required = true } },
            },
        },
        "Done");

    /// <summary>A notification to named users.</summary>
    public static object Notice(string id, params string[] users) => Flow(id, "tell",
        new { id = "tell", type = "Notify", inputs = new { users, title = "{{title}}", body = "{{note}}" } },
        "Done");

    private static object Flow(string id, string activityId, object activity, params string[] outcomes) => new
    {
        definitionId = id,
        name = id,
        variables = new object[]
        {
            new { name = "amount", type = "number" },
            new { name = "note", type = "string" },
            new { name = "title", type = "string" },
        },
        root = new
        {
            activities = new[] { new { id = "start", type = "Start" }, activity, new { id = "end", type = "End" } },
            connections = outcomes.Select(o => new { source = activityId, outcome = o, target = "end" })
                .Prepend(new { source = "start", outcome = "Done", target = activityId }).ToArray(),
        },
    };
}
