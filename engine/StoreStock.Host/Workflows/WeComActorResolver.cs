using Dapper;
using Npgsql;
using StoreStock.Engine.Organisation;
using StoreStock.Engine.Runtime;
using StoreStock.WeCom.Callbacks;

namespace StoreStock.Host.Workflows;

/// <summary>A WeCom click's user as the engine sees them: the same role and scope as when they sign in, from the users table.</summary>
public sealed class WeComActorResolver(IOrgDirectory org, NpgsqlDataSource dataSource) : IWeComActorResolver
{
    public Task<WorkflowActor?> ActorAsync(string username, CancellationToken ct) => org.FindUserAsync(username, ct);

    public async Task<string?> DisplayNameAsync(string username, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select display_name from app_user where username = @username", new { username }, cancellationToken: ct));
    }
}
