namespace StoreStock.Engine.Activities.BuiltIn;

/// <summary>Palette groups of the designer.</summary>
public static class Categories
{
    public const string Flow = "流程控制 Flow";
    public const string Data = "数据 Data";
    public const string Timing = "时间 Timing";
    public const string People = "人工任务 People";
}
