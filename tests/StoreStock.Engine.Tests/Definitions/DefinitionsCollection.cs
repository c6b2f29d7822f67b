namespace StoreStock.Engine.Tests.Definitions;

/// <summary>
/// The definition tests share one host and database: every test uses its own definition ids, so they cannot see
/// each other's versions, and one host instead of one per class spares the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DefinitionsCollection : ICollectionFixture<EngineApp>
{
    public const string Name = "workflow definitions";
}
