using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StoreStock.Bench.Engine;

/// <summary>
/// The write-off approval as HQ would draw it: the store manager approves, escalated to the regional supervisor after
/// 24 h; the supervisor approves too when the amount is over 500. Approved and Rejected both end the instance.
/// </summary>
public static class WriteOffDefinition
{
    public const string Id = "bench-write-off";
    /// <summary>Amounts above this need the regional supervisor too.</summary>
    public const int RegionalThreshold = 500;

    public static object Build() => new
    {
        definitionId = Id,
        name = "报损审批 (benchmark)",
        variables = new object[] { new { name = "amount", type = "number" } },
        root = new
        {
            activities = new object[]
            {
                new { id = "start", type = "Start", inputs = new { }, position = new { x = 0, y = 100 } },
                new
                {
                    id = "approval",
                    type = "ApprovalChain",
                    inputs = new
                    {
                        levels = new object[]
                        {
                            new { role = "store_manager" },
                            new { role = "regional_supervisor", condition = "amount > 500" },
                        },
                        title = "报损审批 {{amount}} 元",
                        deadline = new { escalateAfter = "PT24H" },
                        resultVariable = "approval",
                    },
                    position = new { x = 200, y = 100 },
                },
                new { id = "end", type = "End", inputs = new { }, position = new { x = 400, y = 100 } },
            },
            connections = new object[]
            {
                new { source = "start", outcome = "Done", target = "approval" },
                new { source = "approval", outcome = "Approved", target = "end" },
                new { source = "approval", outcome = "Rejected", target = "end" },
            },
        },
    };

    /// <summary>Saves the draft and publishes it as HQ; returns the published version.</summary>
    public static async Task<int> PublishAsync(HttpClient http, Sessions sessions, string hqAdmin, CancellationToken cancellationToken)
    {
        using var save = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/workflows/definitions/{Id}", UriKind.Relative)) { Content = JsonContent.Create(Build()) };
        sessions.Authenticate(save, hqAdmin);
        using var saved = await http.SendAsync(save, cancellationToken);
        await EnsureOkAsync(saved, "save", cancellationToken);

        using var publish = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/workflows/definitions/{Id}/publish", UriKind.Relative));
        sessions.Authenticate(publish, hqAdmin);
        using var published = await http.SendAsync(publish, cancellationToken);
        var body = await EnsureOkAsync(published, "publish", cancellationToken);
        return body.RootElement.GetProperty("version").GetInt32();
    }

    private static async Task<JsonDocument> EnsureOkAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"Could not {what} the definition: HTTP {(int)response.StatusCode} {text}");
    }
}
