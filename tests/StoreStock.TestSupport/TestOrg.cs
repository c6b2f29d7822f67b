using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Catalog;

namespace StoreStock.TestSupport;

/// <summary>Creates small, explicit organisation and catalog rows for a test, straight in the database.</summary>
public sealed class TestOrg(NpgsqlDataSource db)
{
    public const string Password = "pw-123456";
    private static readonly string PasswordHash = Secrets.HashPassword(Password);
    private static int _sequence;

    public sealed record StoreRow(int Id, string Code, int RegionId, int SellingLocationId, int BackroomLocationId);

    public sealed record ProductRow(int Id, string Sku, string Barcode);

    public async Task<int> RegionAsync(string? code = null)
    {
        code ??= "R" + Next();
        await using var c = await db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<int>("insert into region (code, name) values (@code, @code || '区') returning id", new { code });
    }

    /// <summary>A store with a floor and a back room, every channel bound to the floor (or to a shared pool).</summary>
    public async Task<StoreRow> StoreAsync(int regionId, string? code = null, int? sharedSellingLocationId = null)
    {
        code ??= "S" + Next();
        await using var c = await db.OpenConnectionAsync();
        var floor = sharedSellingLocationId ?? await c.ExecuteScalarAsync<int>(
            "insert into location (code, name, kind, region_id) values (@c, @c || ' 卖场', 'store_floor', @regionId) returning id", new { c = code + "-F", regionId });
        var backroom = await c.ExecuteScalarAsync<int>(
            "insert into location (code, name, kind, region_id) values (@c, @c || ' 后仓', 'store_backroom', @regionId) returning id", new { c = code + "-B", regionId });
        var id = await c.ExecuteScalarAsync<int>(
            "insert into store (code, name, region_id, selling_location_id, backroom_location_id) values (@code, @code || '店', @regionId, @floor, @backroom) returning id",
            new { code, regionId, floor, backroom });
        await c.ExecuteAsync(
            "insert into store_channel (store_id, channel, location_id) select @id, ch, @floor from unnest(array['pos','mini_program','douyin','meituan','wechat_groupbuy']) ch",
            new { id, floor });
        return new StoreRow(id, code, regionId, floor, backroom);
    }

    public async Task<int> WarehouseAsync(string? code = null)
    {
        code ??= "W" + Next();
        await using var c = await db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<int>("insert into location (code, name, kind) values (@code, '中心仓', 'central_warehouse') returning id", new { code });
    }

    public async Task<string> UserAsync(string role, int? regionId = null, int? storeId = null, string? username = null)
    {
        username ??= $"{role}.{Next()}";
        await using var c = await db.OpenConnectionAsync();
        await c.ExecuteAsync(
            "insert into app_user (username, display_name, password_hash, role, region_id, store_id) values (@username, @username, @PasswordHash, @role, @regionId, @storeId)",
            new { username, PasswordHash, role, regionId, storeId });
        return username;
    }

    public async Task<ProductRow> ProductAsync(string? sku = null, decimal cost = 3.5m, decimal price = 6m)
    {
        var n = Next();
        sku ??= "T" + n;
        var barcode = Barcode.WithCheckDigit("690" + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
        await using var c = await db.OpenConnectionAsync();
        var categoryId = await c.ExecuteScalarAsync<int>(
            "insert into category (code, name) values ('TEST', '测试') on conflict (code) do update set name = excluded.name returning id");
        var id = await c.ExecuteScalarAsync<int>(
            """
            insert into product (sku, name, unit, category_id, cost_price, sale_price, created_at, updated_at)
            values (@sku, '测试商品 ' || @sku, '个', @categoryId, @cost, @price, now(), now()) returning id
            """, new { sku, categoryId, cost, price });
        await c.ExecuteAsync("insert into product_barcode (barcode, product_id, kind) values (@barcode, @id, 'ean13')", new { barcode, id });
        return new ProductRow(id, sku, barcode);
    }

    public async Task<string> ApiKeyAsync(string[] channels, int[] storeIds)
    {
        var (key, prefix, hash) = Secrets.NewApiKey();
        await using var c = await db.OpenConnectionAsync();
        await c.ExecuteAsync(
            "insert into api_key (name, key_prefix, key_hash, channels, store_ids, created_at) values (@name, @prefix, @hash, @channels, @storeIds, now())",
            new { name = "test-" + Next(), prefix, hash, channels, storeIds });
        return key;
    }

    private static int Next() => Interlocked.Increment(ref _sequence);
}
