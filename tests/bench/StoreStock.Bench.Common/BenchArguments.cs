using System.Globalization;

namespace StoreStock.Bench;

/// <summary>Reads <c>--name N</c> pairs of a benchmark's command line, each bounded so a run always ends by itself.</summary>
public static class BenchArguments
{
    /// <summary>Calls <paramref name="apply"/> with each option name and its value; unknown names are for it to refuse.</summary>
    public static void ForEachPair(IReadOnlyList<string> args, Action<string, string?> apply)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            apply(args[i], i + 1 < args.Count ? args[i + 1] : null);
        }
    }

    public static int Bounded(string name, string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} needs a whole number from {min} to {max}.", nameof(value));
}
