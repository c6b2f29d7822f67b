using System.Globalization;

namespace StoreStock.Bench.Ledger;

/// <summary>Command line: <c>--seconds N --clients N --warmup N</c>, each bounded so a run always ends by itself.</summary>
public sealed record BenchOptions(int Seconds, int Clients, int WarmupSeconds)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Seconds: 20, Clients: 64, WarmupSeconds: 3);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Bounded("--seconds", value, 1, 600) },
                "--clients" => options with { Clients = Bounded("--clients", value, 1, 512) },
                "--warmup" => options with { WarmupSeconds = Bounded("--warmup", value, 0, 60) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --seconds N, --clients N, --warmup N.", nameof(args)),
            };
            i++;
        }

        return options;
    }

    private static int Bounded(string name, string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} needs a whole number from {min} to {max}.", nameof(value));
}
