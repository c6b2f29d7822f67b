using StoreStock.Engine.Runtime;

namespace StoreStock.WeCom.Callbacks;

/// <summary>Who a StoreStock user is to the engine, answered by the host from its users table.</summary>
public interface IWeComActorResolver
{
    /// <summary>The active user's actor with role and scope, or null when there is no such active user.</summary>
    Task<WorkflowActor?> ActorAsync(string username, CancellationToken ct);

    /// <summary>The name people know the user by, for "已由 … 同意"; null when the user is unknown.</summary>
    Task<string?> DisplayNameAsync(string username, CancellationToken ct);
}
