using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;
using StoreStock.TestSupport;

namespace StoreStock.Bench.Ledger;

/// <summary>The chain the till load runs against: store codes, product barcodes and a POS API key bound to every store.</summary>
public sealed record Chain(IReadOnlyList<string> StoreCodes, IReadOnlyList<string> Barcodes, string ApiKey)
{
    public const int Stores = 8;
    public const int Products = 300;

    /// <summary>One region, 8 stores, 300 products with EAN-13 barcodes, opening stock on every shop floor.</summary>
    public static async Task<Chain> SeedAsync(IServiceProvider services)
    {
        var org = new TestOrg(services.GetRequiredService<NpgsqlDataSource>());
        var regionId = await org.RegionAsync();
        var stores = new List<TestOrg.StoreRow>();
        for (var i = 0; i < Stores; i++)
        {
            stores.Add(await org.StoreAsync(regionId));
        }

        var products = new List<TestOrg.ProductRow>();
        for (var i = 0; i < Products; i++)
        {
            products.Add(await org.ProductAsync(cost: 2m + (i % 40), price: 4m + (i % 40) * 1.5m));
        }

        await PutOpeningStockAsync(services, stores, products);
        var apiKey = await org.ApiKeyAsync(["pos"], stores.Select(s => s.Id).ToArray());
        return new Chain(stores.Select(s => s.Code).ToList(), products.Select(p => p.Barcode).ToList(), apiKey);
    }

    private static async Task PutOpeningStockAsync(IServiceProvider services, IReadOnlyList<TestOrg.StoreRow> stores, IReadOnlyList<TestOrg.ProductRow> products)
    {
        var moves = stores
            .SelectMany(s => products.Select((p, i) => new StockMove(
                s.SellingLocationId, p.Id, MoveKind.OpeningBalance, OnHandDelta: 50 + (i * 7 % 150), UnitCost: 2m + (i % 40))))
            .ToList();
        var ledger = services.GetRequiredService<LedgerWriter>();
        await services.GetRequiredService<InventoryDatabase>().InTransactionAsync(
            (connection, transaction) => ledger.ApplyAsync(connection, transaction, moves, "bench"), CancellationToken.None);
    }
}
