using Dapper;
using Npgsql;

namespace StoreStock.Samples;

internal sealed record SampleStore(SampleStoreDefinition Definition, int Id, int RegionId, int SellingLocationId, int BackroomLocationId);

/// <summary>A location that customers buy from: a store floor, or the pool several stores share.</summary>
internal sealed record SellingPoint(int LocationId, string Code, IReadOnlyList<SampleStore> Stores, double DemandFactor, DayOfWeek DeliveryDay);

/// <summary>Regions, locations, stores and channel bindings of the sample chain, with the ids they were given.</summary>
internal sealed record SampleOrganisation(
    IReadOnlyDictionary<string, int> RegionIds,
    IReadOnlyList<SampleStore> Stores,
    IReadOnlyList<SellingPoint> SellingPoints,
    int CentralWarehouseId,
    IReadOnlyList<int> LocationIds)
{
    public static readonly string[] Channels = ["pos", "mini_program", "douyin", "meituan", "wechat_groupbuy"];

    public static async Task<SampleOrganisation> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        async Task<int> Insert(string sql, object parameters) =>
            await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        Task<int> Location(string code, string name, string kind, int? regionId) =>
            Insert("insert into location (code, name, kind, region_id) values (@code, @name, @kind, @regionId) returning id", new { code, name, kind, regionId });

        var locationIds = new List<int>();
        var regionIds = new Dictionary<string, int>();
        foreach (var region in SampleStores.Regions)
        {
            regionIds[region.Code] = await Insert("insert into region (code, name) values (@Code, @Name) returning id", region);
        }

        var centralWarehouseId = await Location(SampleStores.CentralWarehouseCode, SampleStores.CentralWarehouseName, "central_warehouse", null);
        locationIds.Add(centralWarehouseId);
        foreach (var region in SampleStores.Regions)
        {
            locationIds.Add(await Location(region.WarehouseCode, region.WarehouseName, "regional_warehouse", regionIds[region.Code]));
        }

        var poolStores = SampleStores.All.Where(s => s.SharesPool).ToList();
        int? poolId = null;
        if (poolStores.Count > 0)
        {
            poolId = await Location(SampleStores.SharedPoolCode, SampleStores.SharedPoolName, "shared_pool", regionIds[poolStores[0].RegionCode]);
            locationIds.Add(poolId.Value);
        }

        var stores = new List<SampleStore>();
        foreach (var definition in SampleStores.All)
        {
            var regionId = regionIds[definition.RegionCode];
            var sellingId = definition.SharesPool
                ? poolId!.Value
                : await Location(definition.Code + "-F", definition.Name + " 卖场", "store_floor", regionId);
            var backroomId = await Location(definition.Code + "-B", definition.Name + " 后仓", "store_backroom", regionId);
            locationIds.AddRange(definition.SharesPool ? [backroomId] : [sellingId, backroomId]);

            var storeId = await Insert(
                """
                insert into store (code, name, region_id, selling_location_id, backroom_location_id, address)
                values (@Code, @Name, @regionId, @sellingId, @backroomId, @Address) returning id
                """,
                new { definition.Code, definition.Name, regionId, sellingId, backroomId, definition.Address });
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into store_channel (store_id, channel, location_id) select @storeId, channel, @sellingId from unnest(@Channels) as channel",
                new { storeId, sellingId, Channels }, transaction, cancellationToken: cancellationToken));
            stores.Add(new SampleStore(definition, storeId, regionId, sellingId, backroomId));
        }

        var sellingPoints = stores
            .GroupBy(s => s.SellingLocationId)
            .Select(g => new SellingPoint(
                g.Key,
                g.Count() == 1 ? g.First().Definition.Code + "-F" : SampleStores.SharedPoolCode,
                g.ToList(),
                g.Sum(s => s.Definition.DemandFactor),
                g.First().Definition.DeliveryDay))
            .ToList();
        return new SampleOrganisation(regionIds, stores, sellingPoints, centralWarehouseId, locationIds);
    }
}
