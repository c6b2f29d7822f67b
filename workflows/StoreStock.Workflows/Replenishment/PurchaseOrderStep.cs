using System.Text.Json.Nodes;
using Npgsql;
using StoreStock.Engine.Activities;
using StoreStock.Inventory.Purchasing;

namespace StoreStock.Workflows.Replenishment;

/// <summary>
/// What the replenishment activities share: the purchase order their instance drafted, locked in the step's
/// transaction, and the variables the definition reads (number, value, the lines a card may list).
/// </summary>
internal static class PurchaseOrderStep
{
    public const string NumberVariable = "purchaseOrder";
    public const string ValueVariable = "purchaseOrderValue";
    public const string SuggestedLinesVariable = "suggestedLines";
    public const string OutstandingLinesVariable = "outstandingLines";

    public static async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction, PurchaseOrderState Order)> LockAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        var order = await PurchaseOrderRows.LockForInstanceAsync(connection, transaction, context.Instance.Id, context.CancellationToken)
            ?? throw new ActivityInputException("该流程没有采购单 (this instance has no purchase order)");
        return (connection, transaction, order);
    }

    public static void Remember(ActivityContext context, PurchaseOrderState order)
    {
        context.SetVariable(NumberVariable, order.Number);
        context.SetVariable(ValueVariable, order.TotalValue);
    }

    /// <summary>Lines as a card's <c>linesFrom</c> variable.</summary>
    public static JsonArray Lines(IEnumerable<OrderLineInput> lines) =>
        [.. lines.Select(l => (JsonNode)new JsonObject { ["productId"] = l.ProductId, ["quantity"] = l.Quantity })];

    /// <summary>A refusal the card's own checks should have caught: the step faults with it as its incident.</summary>
    public static ActivityInputException Refused(string what, FieldErrors errors) => new($"{what}: {errors.Describe()}");

    public static ActivityInputException Refused(string what, Failure failure) => new($"{what}: {failure.Detail}");
}
