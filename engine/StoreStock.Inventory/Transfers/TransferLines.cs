using System.Globalization;
using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Transfers;

/// <summary>Matches the quantities a card reported to the transfer's lines, and stores them on the lines.</summary>
public static class TransferLines
{
    /// <summary>product → quantity for every given line (0 where nothing was reported); a product not on them or a quantity out of range is an error.</summary>
    public static Dictionary<int, decimal> Match(IReadOnlyList<TransferLineRow> lines, IReadOnlyList<TransferQuantity> reported, Func<TransferLineRow, decimal> most, FieldErrors errors)
    {
        var result = lines.ToDictionary(l => l.ProductId, _ => 0m);
        for (var i = 0; i < reported.Count; i++)
        {
            var line = lines.FirstOrDefault(l => l.ProductId == reported[i].ProductId);
            if (line is null)
            {
                errors.Add($"lines[{i}].productId", "is not one of this transfer's lines");
            }
            else if (reported[i].Quantity < 0 || reported[i].Quantity > most(line))
            {
                errors.Add($"lines[{i}].quantity", $"must be between 0 and {most(line).ToString(CultureInfo.InvariantCulture)}");
            }
            else
            {
                result[line.ProductId] = reported[i].Quantity;
            }
        }

        return result;
    }

    /// <summary>Sets the shipped or received column of every given line in one statement.</summary>
    public static async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long transferId, TransferStage stage, Dictionary<int, decimal> quantities)
    {
        var sql = stage switch
        {
            TransferStage.Shipped => "update transfer_line l set shipped = q.quantity",
            TransferStage.Received => "update transfer_line l set received = q.quantity",
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "lines record what was shipped or received"),
        };
        await connection.ExecuteAsync(
            sql + " from unnest(@products::int[], @quantities::numeric[]) as q(product_id, quantity) where l.transfer_id = @transferId and l.product_id = q.product_id",
            new { transferId, products = quantities.Keys.ToArray(), quantities = quantities.Values.ToArray() },
            transaction);
    }
}
