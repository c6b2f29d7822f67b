using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Catalog.Spreadsheets;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog.Import;

public sealed record OpeningStockSummary(int Rows, int Moves, decimal TotalQuantity, int ZeroRowsSkipped);

/// <summary>
/// Sets opening stock (期初库存) from .xlsx or .csv: one opening_balance move per row, through the ledger, in one
/// transaction. A location/product pair that already has moves is refused, so opening stock cannot be applied twice.
/// Every row is checked first; any problem means nothing is written. Rows with quantity 0 are accepted and skipped.
/// </summary>
public sealed class ImportOpeningStock(InventoryDatabase database, LedgerWriter ledger, InventoryOptions options)
{
    // Opening stock imports run one at a time, so two uploads of one file cannot both pass the "no moves yet" check.
    private const long OpeningStockLockKey = 0x4f70656e696e67;

    public async Task<ImportOutcome<OpeningStockSummary>> ExecuteAsync(Caller caller, byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        if ((CatalogAccess.RequireImport(caller) ?? RequireOpeningStock(caller)) is { } refused)
        {
            return refused;
        }

        var read = SheetReader.Read(content, fileName);
        if (read.Sheet is not { } sheet)
        {
            return new UnreadableFile(read.Error!);
        }

        var errors = new ImportErrors();
        var layout = ColumnLayout.Match(sheet, OpeningStockColumns.All, errors);
        OpeningStockRows.RequireColumns(sheet, layout, errors);
        if (errors.Any)
        {
            return errors;
        }

        var lines = sheet.Rows.Select(row => OpeningStockRows.Read(new RowReader(row, layout, errors), layout, options.MaxLineQuantity, errors)).ToList();
        return await database.InTransactionAsync<ImportOutcome<OpeningStockSummary>>(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_xact_lock(@key)", new { key = OpeningStockLockKey }, transaction, cancellationToken: cancellationToken));
            var moves = await ResolveAsync(connection, transaction, layout, lines, errors, cancellationToken);
            if (errors.Any)
            {
                return errors;
            }

            if (moves.Count > 0)
            {
                await ledger.ApplyAsync(connection, transaction, moves, caller.Actor, cancellationToken: cancellationToken);
            }

            return new OpeningStockSummary(lines.Count, moves.Count, moves.Sum(m => m.OnHandDelta), lines.Count(l => l.Quantity == 0));
        }, cancellationToken);
    }

    private static Failure? RequireOpeningStock(Caller caller) =>
        caller.Can(Permission.PostOpeningStock) ? null : Failure.Forbidden("Only HQ admins may set opening stock.");

    /// <summary>Finds each row's location and product, refuses repeats and pairs that already have moves, and builds the moves.</summary>
    private static async Task<List<StockMove>> ResolveAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ColumnLayout layout,
        List<OpeningLine> lines,
        ImportErrors errors,
        CancellationToken cancellationToken)
    {
        var locations = await LocationsAsync(connection, transaction, lines.Select(l => l.Location).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        var bySku = (await connection.QueryAsync<(string Key, int Id, decimal Cost)>(new CommandDefinition(
                "select sku, id, cost_price from product where sku = any(@skus)",
                new { skus = lines.Select(l => l.Sku).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() },
                transaction,
                cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Key, p => (p.Id, p.Cost), StringComparer.Ordinal);
        var byBarcode = (await connection.QueryAsync<(string Key, int Id, decimal Cost)>(new CommandDefinition(
                "select b.barcode, p.id, p.cost_price from product_barcode b join product p on p.id = b.product_id where b.barcode = any(@barcodes)",
                new { barcodes = lines.Select(l => l.Barcode).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() },
                transaction,
                cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Key, p => (p.Id, p.Cost), StringComparer.Ordinal);

        var resolved = new List<(OpeningLine Line, int LocationId, int ProductId, decimal ProductCost, string ProductColumn)>();
        var firstRowByPair = new Dictionary<(int, int), int>();
        foreach (var line in lines)
        {
            var locationId = line.Location is null ? null : locations.GetValueOrDefault(line.Location);
            if (line.Location is not null && locationId is null)
            {
                errors.Add(line.Row, layout.Header(OpeningStockColumns.Location), $"no location or store has the code '{line.Location}'");
            }

            var (product, productColumn) = FindProduct(line, bySku, byBarcode, layout, errors);
            if (locationId is null || product is null)
            {
                continue;
            }

            if (!firstRowByPair.TryAdd((locationId.Value, product.Value.Id), line.Row))
            {
                errors.Add(line.Row, productColumn, $"the same product at the same location is already on row {firstRowByPair[(locationId.Value, product.Value.Id)]}");
                continue;
            }

            resolved.Add((line, locationId.Value, product.Value.Id, product.Value.Cost, productColumn));
        }

        var withQuantity = resolved.Where(r => r.Line.Quantity > 0).ToList();
        var alreadyMoved = (await connection.QueryAsync<(int LocationId, int ProductId)>(new CommandDefinition(
                """
                select distinct m.location_id, m.product_id
                from stock_move m join unnest(@locationIds, @productIds) as t(l, p) on m.location_id = t.l and m.product_id = t.p
                """,
                new { locationIds = withQuantity.Select(r => r.LocationId).ToArray(), productIds = withQuantity.Select(r => r.ProductId).ToArray() },
                transaction,
                cancellationToken: cancellationToken)))
            .ToHashSet();
        foreach (var r in withQuantity.Where(r => alreadyMoved.Contains((r.LocationId, r.ProductId))))
        {
            errors.Add(r.Line.Row, r.ProductColumn, $"already has stock moves at '{r.Line.Location}'; opening stock can be set only once (use a stocktake to correct it)");
        }

        return withQuantity
            .Select(r => new StockMove(r.LocationId, r.ProductId, MoveKind.OpeningBalance, r.Line.Quantity!.Value, UnitCost: r.Line.UnitCost ?? r.ProductCost))
            .ToList();
    }

    private static ((int Id, decimal Cost)? Product, string Column) FindProduct(
        OpeningLine line,
        Dictionary<string, (int Id, decimal Cost)> bySku,
        Dictionary<string, (int Id, decimal Cost)> byBarcode,
        ColumnLayout layout,
        ImportErrors errors)
    {
        var skuColumn = layout.Header(OpeningStockColumns.Sku);
        var barcodeColumn = layout.Header(OpeningStockColumns.Barcode);
        (int Id, decimal Cost)? fromSku = line.Sku is not null && bySku.TryGetValue(line.Sku, out var s) ? s : null;
        (int Id, decimal Cost)? fromBarcode = line.Barcode is not null && byBarcode.TryGetValue(line.Barcode, out var b) ? b : null;
        if (line.Sku is not null && fromSku is null)
        {
            errors.Add(line.Row, skuColumn, $"no product has the SKU '{line.Sku}'");
            return (null, skuColumn);
        }

        if (line.Barcode is not null && fromBarcode is null)
        {
            errors.Add(line.Row, barcodeColumn, $"no product has the barcode '{line.Barcode}'");
            return (null, barcodeColumn);
        }

        if (fromSku is not null && fromBarcode is not null && fromSku.Value.Id != fromBarcode.Value.Id)
        {
            errors.Add(line.Row, barcodeColumn, $"'{line.Barcode}' belongs to another product than SKU '{line.Sku}'");
            return (null, barcodeColumn);
        }

        return fromSku is not null ? (fromSku, skuColumn) : (fromBarcode, barcodeColumn);
    }

    /// <summary>Location codes, and store codes standing for the store's selling location; a location code wins.</summary>
    private static async Task<Dictionary<string, int?>> LocationsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] codes, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Code, int LocationId)>(new CommandDefinition(
            """
            select code, id from location where code = any(@codes)
            union all
            select s.code, s.selling_location_id from store s
            where s.code = any(@codes) and not exists (select 1 from location l where l.code = s.code)
            """,
            new { codes },
            transaction,
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code, r => (int?)r.LocationId, StringComparer.Ordinal);
    }
}
