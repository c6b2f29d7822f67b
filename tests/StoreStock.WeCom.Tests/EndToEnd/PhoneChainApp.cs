namespace StoreStock.WeCom.Tests.EndToEnd;

/// <summary>The small chain with its people, the embedded WeCom simulator, and delivery polled fast.</summary>
public sealed class PhoneChainApp : WorkflowsApp
{
    protected override IDictionary<string, string?> Settings => SimulatorApi.Settings(base.Settings);

    public Uri Address => ClientOptions.BaseAddress;

    /// <summary>The simulator's page showing one member's phone.</summary>
    public string PhoneUrl(string user) => new Uri(Address, $"/wecom-sim/?user={Uri.EscapeDataString(user)}").ToString();
}
