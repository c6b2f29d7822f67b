using Microsoft.Extensions.Options;
using StoreStock.Engine.Expressions;
using StoreStock.Engine.Organisation;

namespace StoreStock.Engine.Runtime;

/// <summary>The shared services a step hands to its activities.</summary>
public sealed class EngineServices(IOptions<EngineOptions> options, TimeProvider clock, IOrgDirectory org, IServiceProvider provider)
{
    /// <summary>The application's services, for activities of other modules (the ledger, documents).</summary>
    public IServiceProvider Provider { get; } = provider;

    public EngineOptions Options { get; } = options.Value;

    public TimeProvider Clock { get; } = clock;

    public IOrgDirectory Org { get; } = org;

    public ScriptSandbox Scripts { get; } = new(options.Value.Scripts);

    public TemplateRenderer Templates { get; } = new();
}
