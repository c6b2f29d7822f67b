namespace StoreStock.Engine.Runtime;

/// <summary>Who drives the workflow at this moment: a person (with role and scope), an integration, or the engine's own timers.</summary>
public sealed record WorkflowActor(string Actor, string? Username, string? Role, int? RegionId, int? StoreId)
{
    public static WorkflowActor System(string what) => new($"system:{what}", null, null, null, null);
}
