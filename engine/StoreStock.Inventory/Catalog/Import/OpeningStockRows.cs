using StoreStock.Inventory.Catalog.Spreadsheets;

namespace StoreStock.Inventory.Catalog.Import;

/// <summary>A row of an opening stock file as read, before its location and product are looked up.</summary>
public sealed record OpeningLine(int Row, string? Location, string? Sku, string? Barcode, decimal? Quantity, decimal? UnitCost);

/// <summary>Reads and checks the rows of an opening stock file on their own (no database).</summary>
public static class OpeningStockRows
{
    public static void RequireColumns(Sheet sheet, ColumnLayout layout, ImportErrors errors)
    {
        if (!layout.Has(OpeningStockColumns.Location))
        {
            errors.Add(sheet.HeaderRowNumber, layout.Header(OpeningStockColumns.Location), "the file needs a location column (库位 / 门店 / Location)");
        }

        if (!layout.Has(OpeningStockColumns.Sku) && !layout.Has(OpeningStockColumns.Barcode))
        {
            errors.Add(sheet.HeaderRowNumber, layout.Header(OpeningStockColumns.Sku), "the file needs a product column (商品编码 / SKU or 条码 / Barcode)");
        }

        if (!layout.Has(OpeningStockColumns.Quantity))
        {
            errors.Add(sheet.HeaderRowNumber, layout.Header(OpeningStockColumns.Quantity), "the file needs a quantity column (数量 / Quantity)");
        }

        if (sheet.Rows.Count == 0)
        {
            errors.Add(sheet.HeaderRowNumber, "", "the file has no data rows below the header");
        }
    }

    public static OpeningLine Read(RowReader row, ColumnLayout layout, decimal maxQuantity, ImportErrors errors)
    {
        var line = new OpeningLine(
            row.Number,
            row.Text(OpeningStockColumns.Location),
            row.Text(OpeningStockColumns.Sku),
            row.Text(OpeningStockColumns.Barcode),
            row.Numeric(OpeningStockColumns.Quantity),
            row.Numeric(OpeningStockColumns.UnitCost));
        if (line.Location is null)
        {
            errors.Add(row.Number, layout.Header(OpeningStockColumns.Location), "is required");
        }

        if (line.Sku is null && line.Barcode is null)
        {
            errors.Add(row.Number, layout.Header(layout.Has(OpeningStockColumns.Sku) ? OpeningStockColumns.Sku : OpeningStockColumns.Barcode), "is required");
        }

        var quantityColumn = layout.Header(OpeningStockColumns.Quantity);
        switch (line.Quantity)
        {
            case null when !row.FailedFields.Contains(OpeningStockColumns.Quantity):
                errors.Add(row.Number, quantityColumn, "is required");
                break;
            case < 0:
                errors.Add(row.Number, quantityColumn, "must not be negative");
                break;
            case { } quantity when quantity > maxQuantity:
                errors.Add(row.Number, quantityColumn, $"must be at most {maxQuantity}");
                break;
            case { } quantity when !CatalogLimits.HasAtMostDecimals(quantity, CatalogLimits.QuantityDecimals):
                errors.Add(row.Number, quantityColumn, $"must have at most {CatalogLimits.QuantityDecimals} decimal places");
                break;
        }

        var costColumn = layout.Header(OpeningStockColumns.UnitCost);
        switch (line.UnitCost)
        {
            case < 0:
                errors.Add(row.Number, costColumn, "must not be negative");
                break;
            case > CatalogLimits.MaxPrice:
                errors.Add(row.Number, costColumn, $"must be at most {CatalogLimits.MaxPrice}");
                break;
            case { } cost when !CatalogLimits.HasAtMostDecimals(cost, CatalogLimits.UnitCostDecimals):
                errors.Add(row.Number, costColumn, $"must have at most {CatalogLimits.UnitCostDecimals} decimal places");
                break;
        }

        return line;
    }
}
