namespace StoreStock.Bench.Alerts;

/// <summary>Command line: <c>--stores N --products N --days N --runs N</c>, each bounded so a run always ends by itself.</summary>
public sealed record AlertBenchOptions(int Stores, int Products, int Days, int Runs)
{
    public static AlertBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AlertBenchOptions(Stores: 100, Products: 10_000, Days: 30, Runs: 5);
        BenchArguments.ForEachPair(args, (name, value) => options = name switch
        {
            "--stores" => options with { Stores = BenchArguments.Bounded(name, value, 1, 1000) },
            "--products" => options with { Products = BenchArguments.Bounded(name, value, 1, 100_000) },
            "--days" => options with { Days = BenchArguments.Bounded(name, value, 1, 90) },
            "--runs" => options with { Runs = BenchArguments.Bounded(name, value, 1, 50) },
            _ => throw new ArgumentException($"Unknown option '{name}'. Options: --stores N, --products N, --days N, --runs N.", nameof(args)),
        });
        return options;
    }
}
