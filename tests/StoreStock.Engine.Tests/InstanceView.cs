using System.Text.Json;

namespace StoreStock.Engine.Tests;

/// <summary>Reads the parts of an instance detail (GET /api/workflows/instances/{id}) that tests assert on.</summary>
public static class InstanceView
{
    public static Guid InstanceId(this JsonElement started) => started.GetProperty("instanceId").GetGuid();

    public static string Status(this JsonElement detail) => detail.GetProperty("instance").GetProperty("status").GetString()!;

    public static JsonElement Variables(this JsonElement detail) => detail.GetProperty("variables");

    public static bool HasVariable(this JsonElement detail, string name) =>
        detail.Variables().TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The journal as (activity, event) pairs, in order.</summary>
    public static List<(string? Activity, string? Event)> Journal(this JsonElement detail) =>
        detail.GetProperty("journal").EnumerateArray().Select(j => (j.GetProperty("activityId").GetString(), j.GetProperty("event").GetString())).ToList();

    /// <summary>How often the activity ran to an outcome (executed or resumed).</summary>
    public static int Runs(this JsonElement detail, string activityId) =>
        detail.Journal().Count(j => j.Activity == activityId && (j.Event is "executed" or "resumed"));

    public static List<JsonElement> Bookmarks(this JsonElement detail) => [.. detail.GetProperty("bookmarks").EnumerateArray()];

    public static List<JsonElement> Timers(this JsonElement detail) => [.. detail.GetProperty("timers").EnumerateArray()];

    public static List<JsonElement> Incidents(this JsonElement detail) => [.. detail.GetProperty("incidents").EnumerateArray()];

    /// <summary>The one card the activity issued.</summary>
    public static JsonElement Card(this JsonElement detail, string activityId) =>
        Assert.Single(detail.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId);

    /// <summary>The one open card of the activity (an activity in a loop issues a card per round).</summary>
    public static JsonElement OpenCard(this JsonElement detail, string activityId) =>
        Assert.Single(detail.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId && t.CardStatus() == "open");

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string CardStatus(this JsonElement card) => card.GetProperty("status").GetString()!;
}
