using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Shared;

/// <summary>
/// Validates requested lines (quantity positive, not absurd, at most 3 decimals) and finds each product by barcode
/// or SKU in one query. Every problem is reported against its field, e.g. "lines[2].code".
/// </summary>
public sealed class LineResolver(InventoryOptions options)
{
    public const int MaxLines = 500;

    public void Validate(IReadOnlyList<LineInput>? lines, FieldErrors errors, string field = "lines")
    {
        if (lines is null || lines.Count == 0)
        {
            errors.Add(field, "needs at least one line");
            return;
        }

        if (lines.Count > MaxLines)
        {
            errors.Add(field, $"has more than {MaxLines} lines");
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors.Add($"{field}[{i}]", "is empty");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Code))
            {
                errors.Add($"{field}[{i}].code", "is required (a barcode or a SKU)");
            }
            else if (line.Code.Length > 64)
            {
                errors.Add($"{field}[{i}].code", "is longer than 64 characters");
            }

            if (line.Quantity <= 0)
            {
                errors.Add($"{field}[{i}].quantity", "must be greater than 0");
            }
            else if (line.Quantity > options.MaxLineQuantity)
            {
                errors.Add($"{field}[{i}].quantity", $"must not exceed {options.MaxLineQuantity}");
            }
            else if (decimal.Round(line.Quantity, 3) != line.Quantity)
            {
                errors.Add($"{field}[{i}].quantity", "has more than 3 decimals");
            }
        }
    }

    /// <summary>Looks up every code; unknown codes are added to <paramref name="errors"/>.</summary>
    public static async Task<IReadOnlyList<ResolvedLine>> ResolveAsync(
        NpgsqlConnection connection, IReadOnlyList<LineInput> lines, FieldErrors errors, NpgsqlTransaction? transaction = null, string field = "lines")
    {
        var products = await FindProductsAsync(connection, lines.Select(l => l.Code!.Trim()), transaction);
        return Resolve(lines, products, errors, field);
    }

    /// <summary>Matches lines to products already looked up; lines for one product are merged.</summary>
    public static IReadOnlyList<ResolvedLine> Resolve(
        IReadOnlyList<LineInput> lines, IReadOnlyDictionary<string, (int Id, string Sku)> products, FieldErrors errors, string field = "lines")
    {
        var resolved = new List<ResolvedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var code = lines[i].Code!.Trim();
            if (products.TryGetValue(code, out var product))
            {
                resolved.Add(new ResolvedLine(product.Id, product.Sku, lines[i].Quantity));
            }
            else
            {
                errors.Add($"{field}[{i}].code", $"no active product has barcode or SKU '{code}'");
            }
        }

        return resolved
            .GroupBy(l => (l.ProductId, l.Sku))
            .Select(g => new ResolvedLine(g.Key.ProductId, g.Key.Sku, g.Sum(l => l.Quantity)))
            .ToList();
    }

    /// <summary>Checks a channel request's external id, store and lines together, so every problem is listed at once.</summary>
    public FieldErrors ValidateChannelRequest(string idField, string? externalId, string? storeCode, IReadOnlyList<LineInput>? requested)
    {
        var errors = new FieldErrors();
        errors.RequireExternalId(idField, externalId);
        if (string.IsNullOrWhiteSpace(storeCode))
        {
            errors.Add("storeCode", "is required");
        }

        Validate(requested, errors);
        return errors;
    }

    /// <summary>code → product, for barcodes and SKUs among <paramref name="codes"/>.</summary>
    public static async Task<Dictionary<string, (int Id, string Sku)>> FindProductsAsync(
        NpgsqlConnection connection, IEnumerable<string> codes, NpgsqlTransaction? transaction = null)
    {
        var distinct = codes.Distinct(StringComparer.Ordinal).ToArray();
        var rows = await connection.QueryAsync<(string Code, int Id, string Sku)>(
            """
            select b.barcode, p.id, p.sku from product_barcode b join product p on p.id = b.product_id
            where b.barcode = any(@distinct) and p.is_active
            union all
            select p.sku, p.id, p.sku from product p where p.sku = any(@distinct) and p.is_active
            """,
            new { distinct },
            transaction);
        var result = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            result.TryAdd(row.Code, (row.Id, row.Sku));
        }

        return result;
    }
}
