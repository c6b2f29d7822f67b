using System.Net;
using System.Text.Json;
using Xunit;

namespace StoreStock.TestSupport;

/// <summary>How the write-off tests talk to the host: submit as a clerk, find the approval card, decide it.</summary>
public static class WriteOffApi
{
    public const string Photo = "https://img.example.cn/writeoff/broken-bottle.jpg";

    public static object Request(TestOrg.StoreRow store, params (string Sku, decimal Quantity)[] lines) => Request(store, "damaged", lines);

    public static object Request(TestOrg.StoreRow store, string reason, params (string Sku, decimal Quantity)[] lines) => new
    {
        locationCode = store.Code + "-F",
        reason,
        photoUrl = Photo,
        note = "搬运时摔碎",
        lines = lines.Select(l => new { code = l.Sku, quantity = l.Quantity }).ToArray(),
    };

    /// <summary>Submits as the user and returns (instance id, document number).</summary>
    public static async Task<(Guid InstanceId, string Number, JsonElement Body)> SubmitAsync(this WorkflowsApp app, string user, object request)
    {
        var (status, body) = await (await app.ClientAsync(user)).PostAsync("/api/write-offs", request);
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("instanceId").GetGuid(), body.GetProperty("document").GetProperty("number").GetString()!, body);
    }

    /// <summary>The open approval card of the instance, as its assignee sees it in "my tasks".</summary>
    public static async Task<Guid> OpenCardAsync(this WorkflowsApp app, Guid instanceId)
    {
        var detail = await app.InstanceAsync(instanceId);
        return detail.GetProperty("tasks").EnumerateArray().Single(t => t.CardStatus() == "open").GetProperty("id").GetGuid();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> DecideAsync(this WorkflowsApp app, string user, Guid taskId, string outcome, string? comment = null) =>
        await (await app.ClientAsync(user)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome, payload = comment is null ? new { } : (object)new { comment } });

    public static async Task<JsonElement> DocumentAsync(this WorkflowsApp app, string number)
    {
        var (status, body) = await (await app.HqAsync()).GetJsonAsync($"/api/documents/{number}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    public static async Task<decimal> OnHandAsync(this WorkflowsApp app, int locationId, int productId) =>
        (await LedgerProbe.LevelAsync(app.Db, locationId, productId)).OnHand;
}
