using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Catalog.Spreadsheets;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog.Import;

public sealed record ProductImportSummary(int Rows, int Created, int Updated, int Unchanged);

/// <summary>
/// Imports products from .xlsx or .csv, inserting or updating by SKU. Every row is checked before anything is
/// written; one bad row means nothing is written and every problem is reported by row and column.
/// For an existing product, a column the file lacks keeps its value, and so does a blank policy cell; a blank
/// 规格 or 保质期 cell clears it; a blank 条码 cell keeps the barcodes.
/// </summary>
public sealed class ImportProducts(InventoryDatabase database, InventoryOptions options, TimeProvider time)
{
    public async Task<ImportOutcome<ProductImportSummary>> ExecuteAsync(Caller caller, byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireImport(caller) is { } refused)
        {
            return refused;
        }

        var read = SheetReader.Read(content, fileName);
        if (read.Sheet is not { } sheet)
        {
            return new UnreadableFile(read.Error!);
        }

        var errors = new ImportErrors();
        var layout = ColumnLayout.Match(sheet, ProductColumns.All, errors);
        if (!layout.Has(ProductFields.Sku))
        {
            errors.Add(sheet.HeaderRowNumber, layout.Header(ProductFields.Sku), "the file needs a SKU column (商品编码 or SKU)");
        }

        if (sheet.Rows.Count == 0)
        {
            errors.Add(sheet.HeaderRowNumber, "", "the file has no data rows below the header");
        }

        if (errors.Any)
        {
            return errors;
        }

        var rows = sheet.Rows.Select(row => new RowReader(row, layout, errors)).Select(reader => (Reader: reader, Draft: ReadDraft(reader))).ToList();
        try
        {
            return await database.InTransactionAsync<ImportOutcome<ProductImportSummary>>(
                (connection, transaction) => ValidateAndSaveAsync(connection, transaction, layout, rows, errors, cancellationToken), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Failure.Conflict("Another change to the same SKUs or barcodes was saved while the file was imported; import it again.");
        }
    }

    private async Task<ImportOutcome<ProductImportSummary>> ValidateAndSaveAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ColumnLayout layout,
        List<(RowReader Reader, ProductDraft Draft)> rows,
        ImportErrors errors,
        CancellationToken cancellationToken)
    {
        var skus = rows.Select(r => r.Draft.Sku?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var existing = await ProductQueries.BySkusAsync(connection, transaction, skus, cancellationToken);

        var items = new List<PlanItem>(rows.Count);
        foreach (var (reader, draft) in rows)
        {
            var merged = draft.Sku is { } sku && existing.TryGetValue(sku.Trim(), out var stored) ? KeepWhatTheFileLeavesOut(draft, layout, stored.View) : draft;
            var fieldErrors = new FieldErrors();
            var product = ProductValidator.Validate(merged, options.MaxLineQuantity, fieldErrors);
            foreach (var (field, reasons) in fieldErrors.ByField)
            {
                var column = ProductColumns.FieldOf(field);
                if (!reader.FailedFields.Contains(column))
                {
                    reasons.ForEach(reason => errors.Add(reader.Number, layout.Header(column), reason));
                }
            }

            var valid = fieldErrors.Any || reader.FailedFields.Count > 0 ? null : product;
            items.Add(new PlanItem(merged, valid));
        }

        var barcodes = items.SelectMany(i => i.Draft.Barcodes ?? []).Select(b => b.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var references = await CatalogReferences.LoadAsync(connection, transaction, skus, barcodes, cancellationToken, existing);
        var changes = ProductPlanner.Plan(
            items,
            references,
            ProductSaveMode.Upsert,
            (index, field, reason, _) => errors.Add(rows[index].Reader.Number, layout.Header(ProductColumns.FieldOf(field)), reason),
            index => $"row {rows[index].Reader.Number}");
        if (errors.Any)
        {
            return errors;
        }

        await ProductWriter.SaveAsync(connection, transaction, changes, time.GetUtcNow(), cancellationToken);
        return new ProductImportSummary(
            rows.Count,
            changes.Count(c => c.IsNew),
            changes.Count(c => !c.IsNew && c.IsChange),
            changes.Count(c => !c.IsChange));
    }

    private static ProductDraft ReadDraft(RowReader row) => new()
    {
        Sku = row.Text(ProductFields.Sku),
        Name = row.Text(ProductFields.Name),
        Spec = row.Text(ProductFields.Spec),
        Unit = row.Text(ProductFields.Unit),
        CategoryCode = row.Text(ProductFields.CategoryCode),
        CostPrice = row.Numeric(ProductFields.CostPrice),
        SalePrice = row.Numeric(ProductFields.SalePrice),
        ShelfLifeDays = row.WholeNumber(ProductFields.ShelfLifeDays),
        Barcodes = row.List(ProductFields.Barcodes),
        LowStockLine = row.Numeric(ProductFields.LowStockLine),
        OverstockDays = row.WholeNumber(ProductFields.OverstockDays),
        SafetyStock = row.Numeric(ProductFields.SafetyStock),
        LeadTimeDays = row.WholeNumber(ProductFields.LeadTimeDays),
        OrderMultiple = row.Numeric(ProductFields.OrderMultiple),
    };

    private static ProductDraft KeepWhatTheFileLeavesOut(ProductDraft draft, ColumnLayout layout, ProductView current) => draft with
    {
        Name = layout.Has(ProductFields.Name) ? draft.Name : current.Name,
        Spec = layout.Has(ProductFields.Spec) ? draft.Spec : current.Spec,
        Unit = layout.Has(ProductFields.Unit) ? draft.Unit : current.Unit,
        CategoryCode = layout.Has(ProductFields.CategoryCode) ? draft.CategoryCode : current.CategoryCode,
        CostPrice = layout.Has(ProductFields.CostPrice) ? draft.CostPrice : current.CostPrice,
        SalePrice = layout.Has(ProductFields.SalePrice) ? draft.SalePrice : current.SalePrice,
        ShelfLifeDays = layout.Has(ProductFields.ShelfLifeDays) ? draft.ShelfLifeDays : current.ShelfLifeDays,
        LowStockLine = draft.LowStockLine ?? current.LowStockLine,
        OverstockDays = draft.OverstockDays ?? current.OverstockDays,
        SafetyStock = draft.SafetyStock ?? current.SafetyStock,
        LeadTimeDays = draft.LeadTimeDays ?? current.LeadTimeDays,
        OrderMultiple = draft.OrderMultiple ?? current.OrderMultiple,
    };
}
