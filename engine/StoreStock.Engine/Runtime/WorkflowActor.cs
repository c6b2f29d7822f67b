namespace StoreStock.Engine.Runtime;

/// <summary>Who drives the workflow at this moment: a person (with role and scope), an integration, or the engine's own timers.</summary>
public sealed record WorkflowActor(string Actor, string? Username, string? Role, int? RegionId, int? StoreId)
{
    /// <summary>How a person is written where an actor is recorded (journal, completed_by): "user:&lt;username&gt;".</summary>
    private const string UserPrefix = "user:";

    public static WorkflowActor System(string what) => new($"system:{what}", null, null, null, null);

    public static WorkflowActor Person(string username, string? role, int? regionId, int? storeId) =>
        new(UserPrefix + username, username, role, regionId, storeId);

    /// <summary>The username in a recorded actor, or null when the actor is not a person (an integration, a timer).</summary>
    public static string? UsernameOf(string? actor) =>
        actor is not null && actor.StartsWith(UserPrefix, StringComparison.Ordinal) ? actor[UserPrefix.Length..] : null;
}
