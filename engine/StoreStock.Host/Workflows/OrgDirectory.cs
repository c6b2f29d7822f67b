using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using StoreStock.Engine.Organisation;
using StoreStock.Engine.Runtime;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Workflows;

/// <summary>
/// The engine's view of the organisation, answered from the users, stores and regions tables. Role holders are
/// cached briefly: a card is issued per approval, and the holders of a role change rarely.
/// </summary>
public sealed class OrgDirectory(NpgsqlDataSource dataSource, TimeProvider clock) : IOrgDirectory
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<(string Role, int? Store, int? Region), (DateTimeOffset At, IReadOnlyList<string> Users)> _holders = new();
    private readonly ConcurrentDictionary<int, int> _regionOfStore = new();

    public IReadOnlyList<string> RoleLadder { get; } = [Role.Clerk, Role.StoreManager, Role.RegionalSupervisor, Role.HqAdmin];

    public async Task<IReadOnlyList<string>> UsersInRoleAsync(string role, int? storeId, int? regionId, CancellationToken cancellationToken)
    {
        var key = (role, storeId, regionId);
        var now = clock.GetUtcNow();
        if (_holders.TryGetValue(key, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Users;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var users = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            select username from app_user
            where is_active and role = @role
              and case
                    when role in ('clerk', 'store_manager') then store_id = @storeId
                    when role = 'regional_supervisor' then region_id = @regionId
                    else true
                  end
            order by username
            """, new { role, storeId, regionId }, cancellationToken: cancellationToken))).ToList();
        _holders[key] = (now, users);
        return users;
    }

    public async Task<int?> RegionOfStoreAsync(int storeId, CancellationToken cancellationToken)
    {
        if (_regionOfStore.TryGetValue(storeId, out var region))
        {
            return region;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select region_id from store where id = @storeId", new { storeId }, cancellationToken: cancellationToken));
        if (found is { } r)
        {
            _regionOfStore[storeId] = r;
        }

        return found;
    }

    public async Task<WorkflowActor?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "select username, role, region_id, store_id from app_user where username = @username and is_active",
            new { username }, cancellationToken: cancellationToken));
        return user is null ? null : WorkflowActor.Person(user.Username, user.Role, user.RegionId, user.StoreId);
    }

    private sealed class UserRow
    {
        public string Username { get; init; } = "";
        public string Role { get; init; } = "";
        public int? RegionId { get; init; }
        public int? StoreId { get; init; }
    }
}
