namespace StoreStock.Workflows;

/// <summary>The designer palette's group for the inventory activities.</summary>
public static class WorkflowCategories
{
    public const string Stock = "库存 Stock";
}
