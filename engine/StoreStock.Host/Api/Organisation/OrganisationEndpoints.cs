using Dapper;
using Npgsql;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Api.Organisation;

/// <summary>Regions, stores (with their locations and channel bindings) and locations, within the caller's scope.</summary>
public static class OrganisationEndpoints
{
    public sealed record RegionView(string Code, string Name);

    public sealed class StoreView
    {
        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string RegionCode { get; init; } = "";

        public string SellingLocation { get; init; } = "";

        public string? BackroomLocation { get; init; }

        public string? Address { get; init; }

        public string[] Channels { get; init; } = [];
    }

    public sealed record LocationView(string Code, string Name, string Kind, string? RegionCode);

    public static void MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var org = api.MapGroup("").WithTags("Organisation");
        org.MapGet("/regions", async (NpgsqlDataSource db) =>
        {
            await using var c = await db.OpenConnectionAsync();
            return TypedResults.Ok(await c.QueryAsync<RegionView>("select code, name from region order by code"));
        });
        org.MapGet("/stores", async (HttpContext context, NpgsqlDataSource db) =>
        {
            var (scopeSql, parameters) = ScopeGuard.StoreFilter(context.Caller(), "s.id");
            await using var c = await db.OpenConnectionAsync();
            return TypedResults.Ok(await c.QueryAsync<StoreView>(
                $"""
                select s.code, s.name, r.code as RegionCode, sl.code as SellingLocation, bl.code as BackroomLocation, s.address,
                       array(select channel from store_channel where store_id = s.id order by channel) as Channels
                from store s join region r on r.id = s.region_id join location sl on sl.id = s.selling_location_id
                left join location bl on bl.id = s.backroom_location_id
                where {scopeSql} order by s.code
                """,
                parameters));
        });
        org.MapGet("/locations", async (HttpContext context, NpgsqlDataSource db) =>
        {
            var (where, parameters) = ScopeGuard.LocationFilter(context.Caller(), "l.id");
            await using var c = await db.OpenConnectionAsync();
            return TypedResults.Ok(await c.QueryAsync<LocationView>(
                $"select l.code, l.name, l.kind, r.code as RegionCode from location l left join region r on r.id = l.region_id where {where} order by l.code",
                parameters));
        });
    }
}
