using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Stocktakes;

/// <summary>
/// The store's staff record what they counted while the count is open. Several clerks can split the list: each sends
/// the lines they counted; a later count of a line replaces the earlier one. Each line remembers the last stock move
/// made by then, so a sale while counting is part of its system quantity.
/// </summary>
public sealed class StocktakeCounts(InventoryDatabase database, InventoryOptions options, StocktakeQueries queries, TimeProvider time)
{
    public async Task<Outcome<StocktakeView>> RecordAsync(Caller caller, string number, CountRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return errors;
        }

        var lines = request.Lines!.Select(l => l!).ToList();
        var result = await database.InTransactionAsync<Outcome<StocktakeView>?>(async (connection, transaction) =>
        {
            var header = await StocktakeHeader.LockAsync(connection, transaction, number);
            if (header is null || !await queries.CanSeeAsync(caller, header.StoreId, cancellationToken))
            {
                return StocktakeQueries.NotFound(number);
            }

            if (caller.StoreId != header.StoreId || !caller.Can(Permission.RunWorkflows))
            {
                return Failure.Forbidden("只有本店员工可以录入盘点数量 (only the store's staff record counts)");
            }

            if (header.Status != StocktakeStatus.Counting)
            {
                return Failure.Conflict($"盘点单已{header.Status}，不能再录入数量 (the stocktake is {header.Status}, not counting)", new { header.Status });
            }

            var products = await LineResolver.FindProductsAsync(connection, lines.Select(l => Code(l)!.Trim()), transaction);
            var inCount = (await connection.QueryAsync<int>("select product_id from stocktake_line where stocktake_id = @Id", header, transaction)).ToHashSet();
            var counted = new Dictionary<int, decimal>();
            for (var i = 0; i < lines.Count; i++)
            {
                var field = $"lines[{i}].{(lines[i].Sku is not null ? "sku" : "barcode")}";
                if (!products.TryGetValue(Code(lines[i])!.Trim(), out var product))
                {
                    errors.Add(field, $"没有这个商品 (no active product '{Code(lines[i])}')");
                }
                else if (!inCount.Contains(product.Id))
                {
                    errors.Add(field, $"{product.Sku} 不在本次盘点范围内 (not in this stocktake)");
                }
                else if (!counted.TryAdd(product.Id, lines[i].Counted!.Value))
                {
                    errors.Add(field, $"{product.Sku} 重复 (listed twice)");
                }
            }

            if (errors.Any)
            {
                return errors;
            }

            await connection.ExecuteAsync(
                """
                update stocktake_line l set counted_qty = c.counted, counted_move_id = (select coalesce(max(id), 0) from stock_move),
                       counted_by = @actor, counted_at = @now
                from unnest(@products::int[], @quantities::numeric[]) as c(product_id, counted)
                where l.stocktake_id = @id and l.product_id = c.product_id
                """,
                new { id = header.Id, products = counted.Keys.ToArray(), quantities = counted.Values.ToArray(), actor = caller.Actor, now = time.GetUtcNow() },
                transaction);
            return null;
        }, cancellationToken, commitWhen: o => o is null);
        return result ?? await queries.GetAsync(caller, number, cancellationToken);
    }

    private FieldErrors Validate(CountRequest request)
    {
        var errors = new FieldErrors();
        if (request.Lines is not { Count: > 0 } || request.Lines.Count > LineResolver.MaxLines)
        {
            errors.Add("lines", $"需要 1–{LineResolver.MaxLines} 行 (needs 1–{LineResolver.MaxLines} lines)");
            return errors;
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null || string.IsNullOrWhiteSpace(Code(line)))
            {
                errors.Add($"lines[{i}].sku", "需要 SKU 或条码 (a sku or a barcode is required)");
            }
            else if (Code(line)!.Length > 64)
            {
                errors.Add($"lines[{i}].sku", "超过 64 个字符 (longer than 64 characters)");
            }

            if (line?.Counted is not { } counted)
            {
                errors.Add($"lines[{i}].counted", "必填 (is required)");
            }
            else if (counted < 0 || counted > options.MaxLineQuantity)
            {
                errors.Add($"lines[{i}].counted", $"必须在 0 到 {options.MaxLineQuantity} 之间 (must be between 0 and {options.MaxLineQuantity})");
            }
            else if (decimal.Round(counted, 3) != counted)
            {
                errors.Add($"lines[{i}].counted", "最多 3 位小数 (has more than 3 decimals)");
            }
        }

        return errors;
    }

    private static string? Code(CountLineInput line) => line.Sku ?? line.Barcode;
}
