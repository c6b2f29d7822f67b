using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.TestSupport;

namespace StoreStock.Bench.Engine;

/// <summary>A store with the clerk who reports write-offs, its manager, and the supervisor of its region.</summary>
public sealed record BenchStore(int Id, string Clerk, string Manager, string Supervisor);

/// <summary>The organisation the approvals run in: regions of up to ten stores, one supervisor per region, an HQ admin.</summary>
public sealed record ChainOrg(IReadOnlyList<BenchStore> Stores, int Regions, string HqAdmin)
{
    public const int StoresPerRegion = 10;

    public IEnumerable<string> Usernames => Stores.SelectMany(s => new[] { s.Clerk, s.Manager, s.Supervisor }).Append(HqAdmin).Distinct(StringComparer.Ordinal);

    public static async Task<ChainOrg> SeedAsync(IServiceProvider services, int storeCount)
    {
        var org = new TestOrg(services.GetRequiredService<NpgsqlDataSource>());
        var stores = new List<BenchStore>();
        var regions = 0;
        int regionId = 0;
        var supervisor = "";
        for (var i = 0; i < storeCount; i++)
        {
            if (i % StoresPerRegion == 0)
            {
                regionId = await org.RegionAsync();
                supervisor = await org.UserAsync(Role.RegionalSupervisor, regionId: regionId);
                regions++;
            }

            var store = await org.StoreAsync(regionId);
            stores.Add(new BenchStore(
                store.Id,
                await org.UserAsync(Role.Clerk, storeId: store.Id),
                await org.UserAsync(Role.StoreManager, storeId: store.Id),
                supervisor));
        }

        return new ChainOrg(stores, regions, await org.UserAsync(Role.HqAdmin));
    }
}
