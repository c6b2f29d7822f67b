using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog;

public sealed record CategoryDraft(string? Code, string? Name);

/// <summary>Creates a category; codes and names are unique regardless of letter case.</summary>
public sealed class CreateCategory(InventoryDatabase database)
{
    public async Task<Outcome<CategoryView>> ExecuteAsync(Caller caller, CategoryDraft draft, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManage(caller) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        var code = TextRules.Required("code", draft.Code, CatalogLimits.CategoryCodeMaxLength, errors);
        if (code is not null && !CatalogLimits.IsCode(code))
        {
            errors.Add("code", "may contain only letters, digits, '-', '_' and '.'");
        }

        var name = TextRules.Required("name", draft.Name, CatalogLimits.CategoryNameMaxLength, errors);
        if (errors.Any)
        {
            return errors;
        }

        try
        {
            return await database.InTransactionAsync<Outcome<CategoryView>>(async (connection, transaction) =>
            {
                var taken = (await connection.QueryAsync<(string Code, string Name)>(new CommandDefinition(
                    "select code, name from category where lower(code) = lower(@code) or lower(name) = lower(@name)",
                    new { code, name }, transaction, cancellationToken: cancellationToken))).ToList();
                if (taken.Exists(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.AddConflict("code", $"category '{code}' already exists");
                }

                if (taken.Exists(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.AddConflict("name", $"a category named '{name}' already exists");
                }

                if (errors.Any)
                {
                    return errors;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into category (code, name) values (@code, @name)", new { code, name }, transaction, cancellationToken: cancellationToken));
                return new CategoryView(code!, name!, 0);
            }, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Failure.Conflict($"Category '{code}' was created at the same moment by someone else.");
        }
    }
}
