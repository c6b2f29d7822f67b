using StoreStock.Database;

namespace StoreStock.Host.Startup;

/// <summary>Every module's schema scripts, in dependency order.</summary>
public static class SchemaModules
{
    public static IEnumerable<SchemaScript> All() =>
        SchemaScript.FromAssembly(typeof(StoreStock.Inventory.Ledger.LedgerWriter).Assembly, "inventory")
            .Concat(SchemaScript.FromAssembly(typeof(StoreStock.Engine.EngineOptions).Assembly, "engine"))
            .Concat(SchemaScript.FromAssembly(typeof(StoreStock.WeCom.WeComOptions).Assembly, "wecom"));
}
