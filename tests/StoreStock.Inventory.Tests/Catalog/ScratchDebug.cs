using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Catalog;
using StoreStock.TestSupport;
using Xunit.Abstractions;

namespace StoreStock.Inventory.Tests.Catalog;

public sealed class ScratchDebug(StoreStockApp app, ITestOutputHelper output) : IClassFixture<StoreStockApp>
{
    [Fact]
    public async Task Debug()
    {
        var create = app.Services.GetRequiredService<CreateProduct>();
        var cat = app.Services.GetRequiredService<CreateCategory>();
        await cat.ExecuteAsync(Caller.System, new CategoryDraft("X1", "x1"), default);
        try
        {
            var r = await create.ExecuteAsync(Caller.System, new ProductDraft { Sku = "A1", Name = "n", Unit = "u", CategoryCode = "X1", CostPrice = 1, SalePrice = 2, Barcodes = ["BAKE-0001"] }, default);
            output.WriteLine(r.Value?.ToString() ?? string.Join(",", r.Errors?.ByField.Keys ?? []) ?? r.Failure?.ToString());
        }
        catch (Exception e)
        {
            output.WriteLine(e.ToString());
            throw;
        }
    }
}
