namespace StoreStock.Bench.Engine;

/// <summary>
/// Command line: <c>--clients N --seconds N --stores N --warmup N</c>, each bounded so a run always ends by itself.
/// The warm-up is long because the host's hot paths go through tiered JIT compilation for a good while under load.
/// </summary>
public sealed record EngineBenchOptions(int Clients, int Seconds, int Stores, int WarmupSeconds)
{
    public static EngineBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EngineBenchOptions(Clients: 16, Seconds: 20, Stores: 50, WarmupSeconds: 30);
        BenchArguments.ForEachPair(args, (name, value) => options = name switch
        {
            "--clients" => options with { Clients = BenchArguments.Bounded(name, value, 1, 512) },
            "--seconds" => options with { Seconds = BenchArguments.Bounded(name, value, 1, 600) },
            "--stores" => options with { Stores = BenchArguments.Bounded(name, value, 1, 1000) },
            "--warmup" => options with { WarmupSeconds = BenchArguments.Bounded(name, value, 0, 300) },
            _ => throw new ArgumentException($"Unknown option '{name}'. Options: --clients N, --seconds N, --stores N, --warmup N.", nameof(args)),
        });
        return options;
    }
}
