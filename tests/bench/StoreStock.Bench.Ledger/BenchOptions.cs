namespace StoreStock.Bench.Ledger;

/// <summary>Command line: <c>--seconds N --clients N --warmup N</c>, each bounded so a run always ends by itself.</summary>
public sealed record BenchOptions(int Seconds, int Clients, int WarmupSeconds)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Seconds: 20, Clients: 64, WarmupSeconds: 3);
        BenchArguments.ForEachPair(args, (name, value) => options = name switch
        {
            "--seconds" => options with { Seconds = BenchArguments.Bounded(name, value, 1, 600) },
            "--clients" => options with { Clients = BenchArguments.Bounded(name, value, 1, 512) },
            "--warmup" => options with { WarmupSeconds = BenchArguments.Bounded(name, value, 0, 60) },
            _ => throw new ArgumentException($"Unknown option '{name}'. Options: --seconds N, --clients N, --warmup N.", nameof(args)),
        });
        return options;
    }
}
