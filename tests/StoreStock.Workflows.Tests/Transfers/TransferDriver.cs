using System.Net;
using System.Text.Json;

namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>Drives transfers through the HTTP API as the people of the test chain, and reads stock at both ends.</summary>
internal sealed class TransferDriver(WorkflowsApp app)
{
    public static readonly object Approve = new { outcome = "Approve", payload = new { comment = "同意" } };

    /// <summary>A request from store A's manager to store B unless told otherwise; asserts it was created.</summary>
    public async Task<JsonElement> RequestAsync(TestOrg.ProductRow product, decimal quantity, string? from = null, string? to = null, string? user = null)
    {
        var (status, body) = await PostRequestAsync(user ?? app.ManagerA, new
        {
            fromStore = from ?? app.StoreA.Code,
            toStore = to ?? app.StoreB.Code,
            lines = new[] { new { sku = product.Sku, quantity } },
            note = "补货",
        });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body;
    }

    /// <summary>A transfer of the product from A to B that store A's manager approved; its number.</summary>
    public async Task<string> ApprovedAsync(TestOrg.ProductRow product, decimal quantity)
    {
        var number = (await RequestAsync(product, quantity)).Number();
        await ApproveAsync(number, app.ManagerA);
        return number;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostRequestAsync(string user, object request) =>
        await (await app.ClientAsync(user)).PostAsync("/api/transfers", request);

    public async Task<JsonElement> GetAsync(string number, string? user = null)
    {
        var (status, body) = await (user is null ? await app.HqAsync() : await app.ClientAsync(user)).GetJsonAsync($"/api/transfers/{number}");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>The one open card the transfer has, which must come from the given activity.</summary>
    public async Task<JsonElement> OpenCardAsync(string number, string activityId)
    {
        var card = Assert.Single((await GetAsync(number)).GetProperty("openCards").EnumerateArray());
        Assert.Equal(activityId, card.GetProperty("activityId").GetString());
        return card;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CompleteAsync(string user, Guid cardId, object body) =>
        await (await app.ClientAsync(user)).PostAsync($"/api/tasks/{cardId}/complete", body);

    public async Task ApproveAsync(string number, string approver)
    {
        var card = await OpenCardAsync(number, "approval");
        Assert.Contains(approver, card.Assignees());
        var (status, body) = await CompleteAsync(approver, card.GetProperty("id").GetGuid(), Approve);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    public static object Lines(params (int ProductId, decimal Quantity)[] lines) =>
        new { outcome = "Done", payload = new { lines = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }).ToArray() } };

    /// <summary>Completes the open pick or receipt card as the user with these quantities; asserts 200.</summary>
    public async Task CompleteLinesAsync(string number, string activityId, string user, params (int ProductId, decimal Quantity)[] lines)
    {
        var card = await OpenCardAsync(number, activityId);
        var (status, body) = await CompleteAsync(user, card.GetProperty("id").GetGuid(), Lines(lines));
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>The transfer ended in this status, its instance in that one, with no card left open.</summary>
    public static void AssertEnded(JsonElement transfer, string status, string instanceStatus)
    {
        Assert.Equal(status, transfer.GetProperty("status").GetString());
        Assert.Equal(instanceStatus, transfer.GetProperty("instanceStatus").GetString());
        Assert.Empty(transfer.GetProperty("openCards").EnumerateArray());
    }

    public Task<LedgerProbe.Level> LevelAsync(int locationId, int productId) => LedgerProbe.LevelAsync(app.Db, locationId, productId);

    public async Task AssertLevelAsync(int locationId, int productId, decimal onHand, decimal reserved, decimal inTransit) =>
        Assert.Equal(new LedgerProbe.Level(onHand, reserved, inTransit), await LevelAsync(locationId, productId));
}

internal static class TransferJson
{
    public static string Number(this JsonElement transfer) => transfer.GetProperty("number").GetString()!;

    public static string TransferStatus(this JsonElement transfer) => transfer.GetProperty("status").GetString()!;

    public static JsonElement Line(this JsonElement transfer, int productId) =>
        transfer.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("productId").GetInt32() == productId);
}
