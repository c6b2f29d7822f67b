using System.Globalization;

namespace StoreStock.Inventory.Purchasing;

/// <summary>Checks lines entered against an order's own lines: each a product on the order, once, within a limit.</summary>
public static class PurchaseOrderLines
{
    /// <param name="limits">The products allowed, each with the most that may be entered (null: no upper limit).</param>
    public static FieldErrors Check(IReadOnlyList<OrderLineInput> lines, IReadOnlyDictionary<int, decimal?> limits, string field = "lines")
    {
        var errors = new FieldErrors();
        var seen = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!limits.TryGetValue(line.ProductId, out var most))
            {
                errors.Add($"{field}[{i}].productId", "不在该采购单上 (is not a line of this purchase order)");
            }
            else if (!seen.Add(line.ProductId))
            {
                errors.Add($"{field}[{i}].productId", "重复 (appears more than once)");
            }

            if (line.Quantity < 0)
            {
                errors.Add($"{field}[{i}].quantity", "不能为负数 (must not be negative)");
            }
            else if (most is { } limit && line.Quantity > limit)
            {
                errors.Add($"{field}[{i}].quantity", $"不能超过 {limit.ToString(CultureInfo.InvariantCulture)} (may not exceed the outstanding quantity)");
            }
        }

        return errors;
    }
}
