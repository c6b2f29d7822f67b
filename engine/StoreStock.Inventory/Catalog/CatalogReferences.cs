using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Catalog;

public sealed record CategoryRef(int Id, string Code, string Name);

/// <summary>What the database already holds for a batch of products: the categories, the products by SKU and who owns each barcode.</summary>
public sealed class CatalogReferences
{
    private readonly Dictionary<string, CategoryRef> _categoriesByCode;
    private readonly Dictionary<string, CategoryRef> _categoriesByName;

    private CatalogReferences(IEnumerable<CategoryRef> categories, Dictionary<string, StoredProduct> productsBySku, Dictionary<string, string> barcodeOwners)
    {
        var list = categories.ToList();
        _categoriesByCode = list.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _categoriesByName = list.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        ProductsBySku = productsBySku;
        BarcodeOwners = barcodeOwners;
    }

    public IReadOnlyDictionary<string, StoredProduct> ProductsBySku { get; }

    /// <summary>Barcode → SKU of the product that holds it.</summary>
    public IReadOnlyDictionary<string, string> BarcodeOwners { get; }

    /// <summary>A category by its code, or by its name (spreadsheets often carry the name).</summary>
    public CategoryRef? Category(string codeOrName) =>
        _categoriesByCode.GetValueOrDefault(codeOrName) ?? _categoriesByName.GetValueOrDefault(codeOrName);

    public static async Task<CatalogReferences> LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyCollection<string> skus,
        IReadOnlyCollection<string> barcodes,
        CancellationToken cancellationToken,
        Dictionary<string, StoredProduct>? productsAlreadyLoaded = null)
    {
        var categories = await connection.QueryAsync<CategoryRef>(new CommandDefinition(
            "select id as Id, code as Code, name as Name from category", transaction: transaction, cancellationToken: cancellationToken));
        var products = productsAlreadyLoaded ?? await ProductQueries.BySkusAsync(connection, transaction, skus, cancellationToken);
        var owners = await connection.QueryAsync<(string Barcode, string Sku)>(new CommandDefinition(
            "select b.barcode, p.sku from product_barcode b join product p on p.id = b.product_id where b.barcode = any(@barcodes)",
            new { barcodes = barcodes.ToArray() }, transaction, cancellationToken: cancellationToken));
        return new CatalogReferences(categories, products, owners.ToDictionary(o => o.Barcode, o => o.Sku, StringComparer.Ordinal));
    }
}
