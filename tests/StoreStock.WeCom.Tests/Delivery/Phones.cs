using System.Text.Json;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>Each member's simulated phone as JSON, as the delivery tests read the cards drawn on it.</summary>
public static class Phones
{
    /// <summary>A member's messages, oldest first.</summary>
    public static Task<List<JsonElement>> PhoneAsync(this StoreStockApp app, string userId) =>
        app.GetAsync<List<JsonElement>>(SimulatorApi.MessagesPath(userId));

    /// <summary>The member's template cards (the card as now drawn, with its state and greyed-out text).</summary>
    public static async Task<IReadOnlyList<JsonElement>> CardsAsync(this StoreStockApp app, string userId) =>
        (await app.PhoneAsync(userId)).Where(m => m.GetProperty("card").ValueKind == JsonValueKind.Object).Select(m => m.GetProperty("card")).ToList();

    /// <summary>Polls (real time) until the member's phone holds a message that passes the check.</summary>
    public static async Task<JsonElement> MessageAsync(this StoreStockApp app, string userId, Func<JsonElement, bool> check, string what)
    {
        JsonElement found = default;
        await WorkflowProbes.UntilAsync(async () =>
        {
            found = (await app.PhoneAsync(userId)).FirstOrDefault(check);
            return found.ValueKind == JsonValueKind.Object;
        }, what);
        return found;
    }

    public static string TaskId(this JsonElement card) => card.GetProperty("taskId").GetString()!;

    public static JsonElement Current(this JsonElement card) => card.GetProperty("current");
}
