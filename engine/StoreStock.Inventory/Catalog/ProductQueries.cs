using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Catalog;

/// <summary>Reads products with their category and barcodes in one statement.</summary>
public static class ProductQueries
{
    public const string Select = """
        select p.id as Id, p.category_id as CategoryId, p.sku as Sku, p.name as Name, p.spec as Spec, p.unit as Unit,
               c.code as CategoryCode, c.name as CategoryName, p.cost_price as CostPrice, p.sale_price as SalePrice,
               p.shelf_life_days as ShelfLifeDays,
               array(select b.barcode from product_barcode b where b.product_id = p.id order by b.barcode) as BarcodeCodes,
               array(select b.kind from product_barcode b where b.product_id = p.id order by b.barcode) as BarcodeKinds,
               p.low_stock_line as LowStockLine, p.overstock_days as OverstockDays, p.safety_stock as SafetyStock,
               p.lead_time_days as LeadTimeDays, p.order_multiple as OrderMultiple, p.is_active as IsActive,
               p.created_at as CreatedAt, p.updated_at as UpdatedAt
        from product p join category c on c.id = p.category_id
        """;

    public static async Task<StoredProduct?> BySkuAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sku, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, transaction, Select + " where p.sku = @sku", new { sku }, cancellationToken);
        return rows.FirstOrDefault();
    }

    public static async Task<StoredProduct?> ByBarcodeAsync(NpgsqlConnection connection, string barcode, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            connection, null, Select + " where p.id = (select product_id from product_barcode where barcode = @barcode)", new { barcode }, cancellationToken);
        return rows.FirstOrDefault();
    }

    public static async Task<Dictionary<string, StoredProduct>> BySkusAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, transaction, Select + " where p.sku = any(@skus)", new { skus = skus.ToArray() }, cancellationToken);
        return rows.ToDictionary(p => p.View.Sku, StringComparer.Ordinal);
    }

    public static async Task<List<StoredProduct>> QueryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ProductRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    private sealed class ProductRow
    {
        public int Id { get; init; }
        public int CategoryId { get; init; }
        public string Sku { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Spec { get; init; }
        public string Unit { get; init; } = "";
        public string CategoryCode { get; init; } = "";
        public string CategoryName { get; init; } = "";
        public decimal CostPrice { get; init; }
        public decimal SalePrice { get; init; }
        public int? ShelfLifeDays { get; init; }
        public string[] BarcodeCodes { get; init; } = [];
        public string[] BarcodeKinds { get; init; } = [];
        public decimal LowStockLine { get; init; }
        public int OverstockDays { get; init; }
        public decimal SafetyStock { get; init; }
        public int LeadTimeDays { get; init; }
        public decimal OrderMultiple { get; init; }
        public bool IsActive { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public StoredProduct ToStored() => new(Id, CategoryId, new ProductView(
            Sku, Name, Spec, Unit, CategoryCode, CategoryName, CostPrice, SalePrice, ShelfLifeDays,
            BarcodeCodes.Zip(BarcodeKinds, (code, kind) => new ProductBarcode(code, kind)).ToList(),
            LowStockLine, OverstockDays, SafetyStock, LeadTimeDays, OrderMultiple, IsActive,
            new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc))));
    }
}
