using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>Adds a barcode to a product. Adding one the product already has changes nothing.</summary>
public sealed class AddBarcode(InventoryDatabase database, TimeProvider time)
{
    public const string Field = "barcode";

    public async Task<Outcome<ProductView>> ExecuteAsync(Caller caller, string sku, string? barcode, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        var code = barcode?.Trim();
        var (kind, error) = Barcode.Classify(code);
        if (kind is null)
        {
            var errors = new FieldErrors();
            errors.Add(Field, error!);
            return errors;
        }

        try
        {
            return await database.InTransactionAsync(
                (connection, transaction) => AddAsync(connection, transaction, sku, new ProductBarcode(code!, kind), cancellationToken), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Failure.Conflict($"The barcode '{code}' was given to another product at the same moment.");
        }
    }

    private async Task<Outcome<ProductView>> AddAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sku, ProductBarcode barcode, CancellationToken cancellationToken)
    {
        var product = await ProductQueries.BySkuAsync(connection, transaction, sku, cancellationToken);
        if (product is null)
        {
            return Failure.NotFound($"There is no product with SKU '{sku}'.");
        }

        var owner = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select p.sku from product_barcode b join product p on p.id = b.product_id where b.barcode = @code",
            new { code = barcode.Code }, transaction, cancellationToken: cancellationToken));
        if (owner == sku)
        {
            return product.View;
        }

        var errors = new FieldErrors();
        if (owner is not null)
        {
            errors.AddConflict(Field, $"'{barcode.Code}' already belongs to product {owner}");
            return errors;
        }

        if (product.View.Barcodes.Count >= CatalogLimits.MaxBarcodesPerProduct)
        {
            errors.Add(Field, $"a product may hold at most {CatalogLimits.MaxBarcodesPerProduct} barcodes");
            return errors;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into product_barcode (barcode, product_id, kind) values (@Code, @productId, @Kind);
            update product set updated_at = @now where id = @productId;
            """,
            new { barcode.Code, barcode.Kind, productId = product.Id, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        return (await ProductQueries.BySkuAsync(connection, transaction, sku, cancellationToken))!.View;
    }
}
