using Dapper;
using StoreStock.Inventory.Data;

namespace StoreStock.Inventory.Catalog;

public sealed record CategoryView(string Code, string Name, int ProductCount);

/// <summary>Lists the categories with how many products each holds.</summary>
public sealed class ListCategories(InventoryDatabase database)
{
    public async Task<IReadOnlyList<CategoryView>> ExecuteAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CategoryView>(new CommandDefinition(
            """
            select c.code as Code, c.name as Name, (select count(*)::int from product p where p.category_id = c.id) as ProductCount
            from category c order by c.code
            """,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
