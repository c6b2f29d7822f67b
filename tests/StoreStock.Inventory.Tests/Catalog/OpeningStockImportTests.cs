using System.Net;
using Dapper;
using StoreStock.TestSupport;

namespace StoreStock.Inventory.Tests.Catalog;

public sealed class OpeningStockImportTests(StoreStockApp app) : IClassFixture<StoreStockApp>
{
    [Fact]
    public async Task Opening_stock_creates_moves_and_levels_equal_to_the_sum_of_moves()
    {
        using var hq = await app.HqClientAsync();
        var region = await app.Org.RegionAsync();
        var store = await app.Org.StoreAsync(region);
        var warehouseCode = "W" + CatalogTestData.Next();
        var warehouse = await app.Org.WarehouseAsync(warehouseCode);
        var cola = await app.Org.ProductAsync(cost: 2.1m);
        var chips = await app.Org.ProductAsync(cost: 4m);
        var file = TestSheets.Csv(
        [
            ["门店", "商品编码", "条码", "数量", "单价"],
            [store.Code, cola.Sku, "", "48", "2.05"],
            [store.Code + "-B", "", chips.Barcode, "12.5", ""],
            [warehouseCode, cola.Sku, cola.Barcode, "600", "2"],
            [store.Code, chips.Sku, "", "0", ""],
        ]);

        using var response = await hq.UploadAsync("/api/import/opening-stock", file, "期初库存.csv");

        var summary = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, summary.GetProperty("moves").GetInt32());
        Assert.Equal(660.5m, summary.GetProperty("totalQuantity").GetDecimal());
        Assert.Equal(1, summary.GetProperty("zeroRowsSkipped").GetInt32());
        await using var connection = await app.Db.OpenConnectionAsync();
        var moves = (await connection.QueryAsync<(int LocationId, int ProductId, string Kind, decimal OnHand, decimal UnitCost, string Actor)>(
            "select location_id, product_id, kind, on_hand_delta, unit_cost, actor from stock_move where product_id = any(@ids)",
            new { ids = new[] { cola.Id, chips.Id } })).ToList();
        Assert.Equal(3, moves.Count);
        Assert.All(moves, m => Assert.Equal("opening_balance", m.Kind));
        Assert.All(moves, m => Assert.StartsWith("user:hq_admin", m.Actor, StringComparison.Ordinal));
        Assert.Contains(moves, m => m.LocationId == store.SellingLocationId && m.ProductId == cola.Id && m.OnHand == 48 && m.UnitCost == 2.05m);
        Assert.Contains(moves, m => m.LocationId == store.BackroomLocationId && m.ProductId == chips.Id && m.OnHand == 12.5m && m.UnitCost == 4m);
        Assert.Contains(moves, m => m.LocationId == warehouse && m.ProductId == cola.Id && m.OnHand == 600);

        var mismatches = await connection.ExecuteScalarAsync<long>(
            """
            select count(*) from stock_level l
            full join (select location_id, product_id, sum(on_hand_delta) as total from stock_move group by 1, 2) m
                   on m.location_id = l.location_id and m.product_id = l.product_id
            where l.on_hand is distinct from m.total
            """);
        Assert.Equal(0, mismatches);
        Assert.Equal(48m, await connection.ExecuteScalarAsync<decimal>(
            "select on_hand from stock_level where location_id = @l and product_id = @p", new { l = store.SellingLocationId, p = cola.Id }));
        Assert.False(await connection.ExecuteScalarAsync<bool>(
            "select exists (select 1 from stock_level where location_id = @l and product_id = @p)", new { l = store.SellingLocationId, p = chips.Id }));
    }

    [Fact]
    public async Task Importing_opening_stock_again_for_the_same_pair_is_refused_and_changes_nothing()
    {
        using var hq = await app.HqClientAsync();
        var store = await app.Org.StoreAsync(await app.Org.RegionAsync());
        var tea = await app.Org.ProductAsync();
        var milk = await app.Org.ProductAsync();
        var first = TestSheets.Csv([["Location", "SKU", "Quantity"], [store.Code, tea.Sku, "10"]]);
        using var applied = await hq.UploadAsync("/api/import/opening-stock", first, "opening.csv");
        await applied.JsonAsync(HttpStatusCode.OK);

        var second = TestSheets.Xlsx(
        [
            ["库位", "商品编码", "数量"],
            [store.Code + "-F", milk.Sku, 5],
            [store.Code, tea.Sku, 10],
        ]);
        using var again = await hq.UploadAsync("/api/import/opening-stock", second, "opening.xlsx");

        var problem = await again.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("商品编码", error.GetProperty("column").GetString());
        Assert.Contains("only once", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using var connection = await app.Db.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("select count(*) from stock_move where product_id = any(@ids)", new { ids = new[] { tea.Id, milk.Id } }));
        Assert.Equal(10m, await connection.ExecuteScalarAsync<decimal>("select sum(on_hand) from stock_level where product_id = any(@ids)", new { ids = new[] { tea.Id, milk.Id } }));
    }

    [Fact]
    public async Task Bad_rows_are_reported_and_nothing_is_written()
    {
        using var hq = await app.HqClientAsync();
        var store = await app.Org.StoreAsync(await app.Org.RegionAsync());
        var bread = await app.Org.ProductAsync();
        var other = await app.Org.ProductAsync();
        var file = TestSheets.Csv(
        [
            ["门店", "商品编码", "条码", "数量", "单价"],
            [store.Code, bread.Sku, "", "5", ""],
            ["NO-SUCH-LOCATION", bread.Sku, "", "5", ""],
            [store.Code, "NO-SUCH-SKU", "", "5", ""],
            [store.Code + "-B", bread.Sku, "", "-1", ""],
            [store.Code + "-B", other.Sku, "", "lots", "-2"],
            [store.Code, bread.Sku, "", "3", ""],
            [store.Code + "-B", bread.Sku, other.Barcode, "3", ""],
        ]);

        using var response = await hq.UploadAsync("/api/import/opening-stock", file, "opening.csv");

        var problem = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("rows").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString()))
            .ToHashSet();
        Assert.Contains((3, "门店"), errors);
        Assert.Contains((4, "商品编码"), errors);
        Assert.Contains((5, "数量"), errors);
        Assert.Contains((6, "数量"), errors);
        Assert.Contains((6, "单价"), errors);
        Assert.Contains((7, "商品编码"), errors);
        Assert.Contains((8, "条码"), errors);
        Assert.DoesNotContain(errors, e => e.Row == 2);
        await using var connection = await app.Db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from stock_move where product_id = any(@ids)", new { ids = new[] { bread.Id, other.Id } }));
    }

    [Fact]
    public async Task Only_hq_sets_opening_stock()
    {
        var store = await app.Org.StoreAsync(await app.Org.RegionAsync());
        var product = await app.Org.ProductAsync();
        using var manager = await app.ClientAsync(await app.Org.UserAsync(Access.Role.StoreManager, storeId: store.Id));

        using var response = await manager.UploadAsync("/api/import/opening-stock", TestSheets.Csv([["门店", "商品编码", "数量"], [store.Code, product.Sku, "1"]]), "o.csv");

        await response.JsonAsync(HttpStatusCode.Forbidden);
    }
}
