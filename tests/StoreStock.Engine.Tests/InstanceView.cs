using System.Text.Json;

namespace StoreStock.Engine.Tests;

/// <summary>What flow tests read in an instance detail beyond <see cref="WorkflowProbes"/>: runs per activity, waits, incidents, variables.</summary>
public static class InstanceView
{
    public static JsonElement Variables(this JsonElement detail) => detail.GetProperty("variables");

    public static bool HasVariable(this JsonElement detail, string name) =>
        detail.Variables().TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The journal as (activity, event) pairs, in order.</summary>
    public static List<(string Activity, string Event)> Events(this JsonElement detail) =>
        [.. detail.Journal().Select(j => (j.Activity, j.Event))];

    /// <summary>How often the activity ran to an outcome (executed or resumed).</summary>
    public static int Runs(this JsonElement detail, string activityId) =>
        detail.Journal().Count(j => j.Activity == activityId && (j.Event is "executed" or "resumed"));

    public static List<JsonElement> Bookmarks(this JsonElement detail) => [.. detail.GetProperty("bookmarks").EnumerateArray()];

    public static List<JsonElement> Timers(this JsonElement detail) => [.. detail.GetProperty("timers").EnumerateArray()];

    public static List<JsonElement> Incidents(this JsonElement detail) => [.. detail.GetProperty("incidents").EnumerateArray()];

    /// <summary>The one open card of the activity (an activity in a loop issues a card per round).</summary>
    public static JsonElement OpenCard(this JsonElement detail, string activityId) =>
        Assert.Single(detail.Cards(activityId), t => t.CardStatus() == "open");

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
}
