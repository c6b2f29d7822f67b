using System.Globalization;

namespace StoreStock.Bench;

/// <summary>How benchmarks print: one <c>name: value</c> line each, numbers in the invariant culture.</summary>
public static class BenchOutput
{
    public static void Print(string name, object value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));

    /// <summary>Milliseconds per item, e.g. CPU per receipt.</summary>
    public static string PerItem(TimeSpan total, double items) =>
        (total.TotalMilliseconds / Math.Max(1, items)).ToString("F3", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals = 1) => value.ToString($"F{decimals}", CultureInfo.InvariantCulture);
}
