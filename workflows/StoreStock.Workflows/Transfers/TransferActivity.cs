using System.Text.Json;
using System.Text.Json.Nodes;
using StoreStock.Engine;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>What the transfer activities share: their palette group, and turning a refused stage into an incident.</summary>
public static class TransferActivity
{
    public const string Category = "库存 Inventory";

    /// <summary>The value, or an incident naming what the stage refused (the card's payload did not fit the transfer).</summary>
    public static T ValueOrFault<T>(Outcome<T> outcome, string stageZh, string stageEn)
        where T : notnull =>
        outcome.Succeeded
            ? outcome.Value!
            : throw new ActivityFaultException($"调拨{stageZh}被拒绝：{outcome.Failure?.Detail ?? outcome.Errors!.Describe()} (the transfer refused the {stageEn})");

    public static JsonNode? Lines(IEnumerable<TransferQuantity> lines) => Json(lines.ToList());

    /// <summary>A variable's value as parsed JSON, the form expressions and templates read (not a boxed CLR value).</summary>
    public static JsonNode? Json(object? value) => JsonNode.Parse(JsonSerializer.Serialize(value, EngineJson.Options));
}
