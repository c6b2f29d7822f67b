using System.Text.Json;
using System.Text.Json.Nodes;
using StoreStock.Engine;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Transfers;

/// <summary>What the transfer activities share: turning a refused stage into an incident, lines as a variable.</summary>
public static class TransferActivity
{
    /// <summary>The value, or an incident naming what the stage refused (the card's payload did not fit the transfer).</summary>
    public static T ValueOrFault<T>(Outcome<T> outcome, string stageZh, string stageEn)
        where T : notnull =>
        outcome.Succeeded
            ? outcome.Value!
            : throw new ActivityFaultException($"调拨{stageZh}被拒绝：{outcome.Problem()} (the transfer refused the {stageEn})");

    /// <summary>[{ productId, quantity }], the shape a task card's product-lines field lists and returns.</summary>
    public static JsonNode? Lines(IEnumerable<TransferQuantity> lines) => JsonSerializer.SerializeToNode(lines.ToList(), EngineJson.Options);
}
