using Npgsql;
using NpgsqlTypes;

namespace StoreStock.Inventory.Catalog;

/// <summary>
/// Writes planned product changes set-based: one upsert for the product rows and one statement each to drop and add
/// barcodes, whatever the batch size. Unchanged products are not touched, so their updated_at stays.
/// </summary>
public static class ProductWriter
{
    public static async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ProductChange> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toWrite = changes.Where(c => c.IsChange).ToList();
        if (toWrite.Count == 0)
        {
            return;
        }

        var ids = await UpsertProductsAsync(connection, transaction, toWrite, now, cancellationToken);
        var barcodeChanges = toWrite.Where(c => c.BarcodesChanged && c.Product.Barcodes is not null).ToList();
        if (barcodeChanges.Count > 0)
        {
            await ReplaceBarcodesAsync(connection, transaction, barcodeChanges, ids, cancellationToken);
        }
    }

    private static async Task<Dictionary<string, int>> UpsertProductsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ProductChange> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var products = changes.Select(c => c.Product).ToList();
        await using var command = new NpgsqlCommand(
            """
            insert into product (sku, name, spec, unit, category_id, cost_price, sale_price, shelf_life_days,
                                 low_stock_line, overstock_days, safety_stock, lead_time_days, order_multiple, created_at, updated_at)
            select t.*, $14, $14
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::numeric[], $7::numeric[], $8::int[],
                        $9::numeric[], $10::int[], $11::numeric[], $12::int[], $13::numeric[]) as t
            on conflict (sku) do update set
                name = excluded.name, spec = excluded.spec, unit = excluded.unit, category_id = excluded.category_id,
                cost_price = excluded.cost_price, sale_price = excluded.sale_price, shelf_life_days = excluded.shelf_life_days,
                low_stock_line = excluded.low_stock_line, overstock_days = excluded.overstock_days,
                safety_stock = excluded.safety_stock, lead_time_days = excluded.lead_time_days,
                order_multiple = excluded.order_multiple, updated_at = excluded.updated_at
            returning id, sku
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Sku).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Spec).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Unit).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Category.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.CostPrice).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.SalePrice).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.ShelfLifeDays).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Policy.LowStockLine).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Policy.OverstockDays).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Policy.SafetyStock).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Policy.LeadTimeDays).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Policy.OrderMultiple).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });

        var ids = new Dictionary<string, int>(changes.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(1)] = reader.GetInt32(0);
        }

        return ids;
    }

    private static async Task ReplaceBarcodesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ProductChange> changes, Dictionary<string, int> ids, CancellationToken cancellationToken)
    {
        var productIds = changes.Select(c => ids[c.Product.Sku]).ToArray();
        var wanted = changes.SelectMany(c => c.Product.Barcodes!.Select(b => (ProductId: ids[c.Product.Sku], b.Code, b.Kind))).ToList();
        var wantedProducts = wanted.Select(w => w.ProductId).ToArray();
        var wantedCodes = wanted.Select(w => w.Code).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Drop first: a barcode may move from one product of the batch to another.
        batch.BatchCommands.Add(Command(
            """
            delete from product_barcode b
            where b.product_id = any($1)
              and not exists (select 1 from unnest($2::int[], $3::text[]) as n(product_id, barcode)
                              where n.product_id = b.product_id and n.barcode = b.barcode)
            """,
            productIds, wantedProducts, wantedCodes));
        batch.BatchCommands.Add(Command(
            """
            insert into product_barcode (barcode, product_id, kind)
            select n.barcode, n.product_id, n.kind from unnest($1::int[], $2::text[], $3::text[]) as n(product_id, barcode, kind)
            where not exists (select 1 from product_barcode b where b.barcode = n.barcode and b.product_id = n.product_id)
            """,
            wantedProducts, wantedCodes, wanted.Select(w => w.Kind).ToArray()));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
