using Dapper;
using StoreStock.TestSupport;

namespace StoreStock.Samples.Tests;

[Collection(FourteenDayChain.Collection)]
public sealed class SampleOrganisationTests(FourteenDayChain fixture)
{
    private readonly SeededDatabase _chain = fixture.Chain;

    [Fact]
    public async Task Seeding_an_empty_database_creates_two_regions_and_eight_stores()
    {
        Assert.True(_chain.Seeded);
        await using var c = await _chain.Db.OpenConnectionAsync();
        var regions = (await c.QueryAsync<(string Code, string Name)>("select code, name from region order by code")).ToList();
        Assert.Equal([("EAST", "华东区"), ("SOUTH", "华南区")], regions);
        var perRegion = (await c.QueryAsync<(string Region, int Stores)>(
            "select r.code, count(*)::int from store s join region r on r.id = s.region_id group by r.code order by r.code")).ToList();
        Assert.Equal([("EAST", 4), ("SOUTH", 4)], perRegion);
        var codes = await c.QueryAsync<string>("select code from store where address is not null and is_active order by code");
        Assert.Equal(["S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008"], codes);
    }

    [Fact]
    public async Task Every_store_binds_all_five_channels_to_its_selling_location()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var bindings = (await c.QueryAsync<(string Store, int Channels, bool AllToSelling)>(
            """
            select s.code, count(*)::int, bool_and(sc.location_id = s.selling_location_id)
            from store s join store_channel sc on sc.store_id = s.id
            group by s.code
            """)).ToList();
        Assert.Equal(8, bindings.Count);
        Assert.All(bindings, b => Assert.Equal(5, b.Channels));
        Assert.All(bindings, b => Assert.True(b.AllToSelling, b.Store));
    }

    [Fact]
    public async Task Two_Shenzhen_stores_sell_from_one_shared_pool_and_the_others_from_their_own_floor()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var selling = (await c.QueryAsync<(string Store, string Location, string Kind, string Backroom)>(
            """
            select s.code, l.code, l.kind, b.code
            from store s join location l on l.id = s.selling_location_id join location b on b.id = s.backroom_location_id
            order by s.code
            """)).ToList();
        Assert.All(selling, s => Assert.Equal(s.Store + "-B", s.Backroom));
        var pooled = selling.Where(s => s.Kind == "shared_pool").ToList();
        Assert.Equal(["S007", "S008"], pooled.Select(s => s.Store));
        Assert.Single(pooled.Select(s => s.Location).Distinct());
        Assert.All(selling.Except(pooled), s => Assert.Equal((s.Store + "-F", "store_floor"), (s.Location, s.Kind)));
    }

    [Fact]
    public async Task Warehouses_are_one_central_and_one_per_region()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var warehouses = (await c.QueryAsync<(string Code, string Kind, string? Region)>(
            "select l.code, l.kind, r.code from location l left join region r on r.id = l.region_id where l.kind like '%warehouse' order by l.code")).ToList();
        Assert.Equal([("W001", "central_warehouse", null), ("W002", "regional_warehouse", "EAST"), ("W003", "regional_warehouse", "SOUTH")], warehouses);
        var storeLocationsWithoutRegion = await c.ExecuteScalarAsync<int>("select count(*) from location where kind not like '%warehouse' and region_id is null");
        Assert.Equal(0, storeLocationsWithoutRegion);
    }

    [Fact]
    public async Task Users_cover_every_role_with_the_demo_password()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var users = (await c.QueryAsync<(string Username, string Role, string DisplayName, string Hash, string? Region, string? Store, string? WeCom)>(
            """
            select u.username, u.role, u.display_name, u.password_hash, r.code, s.code, u.wecom_user_id
            from app_user u left join region r on r.id = u.region_id left join store s on s.id = u.store_id
            """)).ToDictionary(u => u.Username);
        Assert.Equal(3 + (8 * 3), users.Count);
        Assert.Equal(("hq_admin", "王磊"), (users[DemoUsers.Admin].Role, users[DemoUsers.Admin].DisplayName));
        Assert.Equal(("regional_supervisor", "EAST"), (users[DemoUsers.EastSupervisor].Role, users[DemoUsers.EastSupervisor].Region));
        Assert.Equal(("regional_supervisor", "SOUTH"), (users[DemoUsers.SouthSupervisor].Role, users[DemoUsers.SouthSupervisor].Region));
        foreach (var store in new[] { "S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008" })
        {
            Assert.Equal(("store_manager", store), (users[DemoUsers.StoreManager(store)].Role, users[DemoUsers.StoreManager(store)].Store));
            Assert.Equal(("clerk", store), (users[DemoUsers.Clerk(store)].Role, users[DemoUsers.Clerk(store)].Store));
            Assert.Equal(("clerk", store), (users[DemoUsers.SecondClerk(store)].Role, users[DemoUsers.SecondClerk(store)].Store));
        }

        Assert.All(users.Values, u => Assert.True(u.DisplayName.Any(ch => ch >= '\u4e00'), u.Username));
        Assert.All(users.Values, u => Assert.False(string.IsNullOrEmpty(u.WeCom), u.Username));
        Assert.Equal(users.Count, users.Values.Select(u => u.WeCom).Distinct().Count());
        Assert.True(Inventory.Access.Secrets.VerifyPassword(users["s005.clerk2"].Hash, DemoUsers.Password));
        Assert.False(Inventory.Access.Secrets.VerifyPassword(users["s005.clerk2"].Hash, "demo124"));
    }

    [Fact]
    public async Task Demo_api_keys_verify_against_the_stored_hash_and_cover_all_stores()
    {
        await using var c = await _chain.Db.OpenConnectionAsync();
        var allStores = (await c.QueryAsync<int>("select id from store order by id")).ToArray();
        var expected = new (string Key, string[] Channels)[]
        {
            (DemoApiKeys.Pos, ["pos"]),
            (DemoApiKeys.MiniProgram, ["mini_program"]),
            (DemoApiKeys.GroupBuy, ["douyin", "meituan", "wechat_groupbuy"]),
        };
        Assert.Equal(3, expected.Select(e => Inventory.Access.Secrets.PrefixOf(e.Key)).Distinct().Count());
        foreach (var (key, channels) in expected)
        {
            var prefix = Inventory.Access.Secrets.PrefixOf(key);
            Assert.Matches("^ssk_[a-z0-9]{12}$", prefix);
            var row = await c.QuerySingleAsync<(byte[] Hash, string[] Channels, int[] StoreIds, DateTimeOffset? RevokedAt)>(
                "select key_hash, channels, store_ids, revoked_at from api_key where key_prefix = @prefix", new { prefix });
            Assert.Equal(Inventory.Access.Secrets.HashApiKey(key), row.Hash);
            Assert.NotEqual(Inventory.Access.Secrets.HashApiKey(key + "x"), row.Hash);
            Assert.Equal(channels, row.Channels);
            Assert.Equal(allStores, row.StoreIds.Order());
            Assert.Null(row.RevokedAt);
        }
    }

    [Fact]
    public async Task A_second_call_returns_false_and_changes_nothing()
    {
        const string Fingerprint = """
            select (select count(*) from region), (select count(*) from location), (select count(*) from store),
                   (select count(*) from product), (select count(*) from product_barcode), (select count(*) from app_user),
                   (select count(*) from api_key), (select count(*) from store_product_policy),
                   (select count(*) from stock_move), (select max(id) from stock_move),
                   (select coalesce(sum(on_hand), 0) from stock_level), (select max(updated_at) from stock_level)
            """;
        await using var c = await _chain.Db.OpenConnectionAsync();
        var before = await c.QuerySingleAsync<(long, long, long, long, long, long, long, long, long, long, decimal, DateTime)>(Fingerprint);

        var threeDaysLater = new TestClock(_chain.Clock.GetUtcNow().AddDays(3));
        var seededAgain = await SampleChain.SeedIfEmptyAsync(_chain.Db, SeededDatabase.Options(FourteenDayChain.HistoryDays), threeDaysLater, CancellationToken.None);

        Assert.False(seededAgain);
        Assert.Equal(before, await c.QuerySingleAsync<(long, long, long, long, long, long, long, long, long, long, decimal, DateTime)>(Fingerprint));
    }
}
