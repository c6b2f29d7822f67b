using Dapper;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

/// <summary>
/// Search terms; all given terms must match. <see cref="Text"/> matches a SKU prefix, a name fragment or an exact barcode.
/// </summary>
public sealed record ProductSearch(
    string? Text = null,
    string? Sku = null,
    string? Name = null,
    string? Barcode = null,
    string? Category = null,
    int Page = 1,
    int PageSize = CatalogLimits.DefaultPageSize);

public sealed record ProductPage(IReadOnlyList<ProductView> Items, int Page, int PageSize, long Total);

/// <summary>Lists products by SKU order, filtered and paged.</summary>
public sealed class SearchProducts(InventoryDatabase database)
{
    public async Task<Outcome<ProductPage>> ExecuteAsync(ProductSearch search, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (search.Page < 1)
        {
            errors.Add("page", "must be 1 or more");
        }

        if (search.PageSize is < 1 or > CatalogLimits.MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {CatalogLimits.MaxPageSize}");
        }

        if (errors.Any)
        {
            return errors;
        }

        var (where, parameters) = Filter(search);
        parameters.Add("limit", search.PageSize);
        parameters.Add("offset", (long)(search.Page - 1) * search.PageSize);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from product p join category c on c.id = p.category_id where " + where, parameters, cancellationToken: cancellationToken));
        var items = await ProductQueries.QueryAsync(
            connection, null, ProductQueries.Select + " where " + where + " order by p.sku limit @limit offset @offset", parameters, cancellationToken);
        return new ProductPage(items.Select(p => p.View).ToList(), search.Page, search.PageSize, total);
    }

    private static (string Where, DynamicParameters Parameters) Filter(ProductSearch search)
    {
        var conditions = new List<string> { "true" };
        var parameters = new DynamicParameters();
        if (Term(search.Text) is { } text)
        {
            conditions.Add("""
                (p.sku ilike @textPrefix escape '\' or p.name ilike @textFragment escape '\'
                 or exists (select 1 from product_barcode b where b.product_id = p.id and b.barcode = @text))
                """);
            parameters.Add("text", text);
            parameters.Add("textPrefix", EscapeLike(text) + "%");
            parameters.Add("textFragment", "%" + EscapeLike(text) + "%");
        }

        if (Term(search.Sku) is { } sku)
        {
            conditions.Add(@"p.sku ilike @skuPrefix escape '\'");
            parameters.Add("skuPrefix", EscapeLike(sku) + "%");
        }

        if (Term(search.Name) is { } name)
        {
            conditions.Add(@"p.name ilike @nameFragment escape '\'");
            parameters.Add("nameFragment", "%" + EscapeLike(name) + "%");
        }

        if (Term(search.Barcode) is { } barcode)
        {
            conditions.Add("exists (select 1 from product_barcode b where b.product_id = p.id and b.barcode = @barcode)");
            parameters.Add("barcode", barcode);
        }

        if (Term(search.Category) is { } category)
        {
            conditions.Add("(lower(c.code) = lower(@category) or c.name = @category)");
            parameters.Add("category", category);
        }

        return (string.Join(" and ", conditions), parameters);
    }

    private static string? Term(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
