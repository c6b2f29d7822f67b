namespace StoreStock.Workflows;

/// <summary>The <c>Workflows</c> configuration section.</summary>
public sealed class WorkflowsOptions
{
    /// <summary>Publish the shipped definitions that are not in the database yet, at start-up.</summary>
    public bool SeedShippedDefinitions { get; set; } = true;
}
