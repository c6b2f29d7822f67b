using System.Globalization;
using System.Runtime;

namespace StoreStock.Bench;

/// <summary>
/// Methods the JIT compiled and the time it spent. Tiered compilation recompiles hot methods in the background for a
/// while after start; a run whose JIT is still busy measures half-optimised code and pays for the compiling too.
/// </summary>
public sealed record JitActivity(long Methods, TimeSpan CompileTime)
{
    public static JitActivity Read() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    public JitActivity Since(JitActivity before) => new(Methods - before.Methods, CompileTime - before.CompileTime);

    public string Describe(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{Methods} methods compiled in {CompileTime.TotalMilliseconds:F0} ms ({CompileTime / elapsed:P1} of the run); a long warm-up keeps this small");
}
