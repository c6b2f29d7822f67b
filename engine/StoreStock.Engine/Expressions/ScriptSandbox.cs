using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Parser;
using Jint.Runtime;

namespace StoreStock.Engine.Expressions;

/// <summary>Limits on every script run; a script that breaks one faults its own instance and nothing else.</summary>
public sealed class ScriptLimits
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxStatements { get; set; } = 100_000;

    public int MaxRecursion { get; set; } = 64;

    /// <summary>Bytes a script may allocate beyond what the interpreter needs per statement; checked on every statement.</summary>
    public long MaxAllocatedBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>A script stopped or failed; the message says why in words an HQ admin understands.</summary>
public sealed class ScriptException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// JavaScript through Jint, sandboxed: no CLR access (never enabled), statement, time, recursion and allocation
/// limits. Variables are globals; <c>setVariable(name, value)</c> writes one back. Parsed programs are cached.
/// </summary>
public sealed class ScriptSandbox(ScriptLimits limits)
{
    /// <summary>Bytes Jint 2.10 allocates itself to run one statement in debug mode, before the script's own data.</summary>
    private const long StatementAllowance = 1024;

    /// <summary>Bytes per variable in scope that debug mode copies into its snapshot of each statement (about 100 measured).</summary>
    private const long BindingAllowance = 128;

    private readonly ConcurrentDictionary<string, Jint.Parser.Ast.Program> _parsed = new(StringComparer.Ordinal);

    /// <summary>Parses a script, or throws <see cref="ScriptException"/> with the parser's line and reason.</summary>
    public Jint.Parser.Ast.Program Parse(string code)
    {
        if (_parsed.TryGetValue(code, out var program))
        {
            return program;
        }

        try
        {
            program = new JavaScriptParser().Parse(code);
        }
        catch (ParserException e)
        {
            throw new ScriptException($"JavaScript 语法错误 (syntax error): {e.Message}", e);
        }

        return _parsed.GetOrAdd(code, program);
    }

    /// <summary>Runs a script over the variables and returns its completion value as JSON.</summary>
    public JsonNode? Evaluate(string code, JsonObject variables, Action<string, JsonNode?>? setVariable = null)
    {
        var program = Parse(code);
        var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        var interpreterOwn = 0L;
        var engine = new Jint.Engine(o => o
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursion)
            .DebugMode());
        engine.Step += (_, statement) =>
        {
            // Debug mode (the hook that runs here on every statement) snapshots every binding in scope for each
            // statement, and interpreting a statement churns short-lived objects; neither is the script's doing.
            interpreterOwn += StatementAllowance + (BindingAllowance * ((statement.Globals?.Count ?? 0) + (statement.Locals?.Count ?? 0)));
            if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart - interpreterOwn > limits.MaxAllocatedBytes)
            {
                throw new ScriptException($"脚本占用内存超过 {limits.MaxAllocatedBytes / 1024 / 1024} MB，已停止 (script allocated too much memory)");
            }

            return Jint.Runtime.Debugger.StepMode.Into;
        };

        var parser = new JsonParser(engine);
        foreach (var (name, value) in variables)
        {
            engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
        }

        if (setVariable is not null)
        {
            engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => setVariable(name, ToJson(engine, value))));
        }

        try
        {
            engine.Execute(program);
            return ToJson(engine, engine.GetCompletionValue());
        }
        catch (ScriptException)
        {
            throw;
        }
        catch (TimeoutException e)
        {
            throw new ScriptException($"脚本运行超过 {limits.Timeout.TotalSeconds:0.#} 秒，已停止 (script timed out)", e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new ScriptException($"脚本执行语句超过 {limits.MaxStatements} 条，已停止 (too many statements)", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new ScriptException($"脚本递归层数超过 {limits.MaxRecursion}，已停止 (recursion too deep)", e);
        }
        catch (JavaScriptException e)
        {
            throw new ScriptException($"脚本出错 (script error): {e.Message}", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException)
        {
            throw new ScriptException($"脚本出错 (script error): {e.Message}", e);
        }
    }

    private static JsonNode? ToJson(Jint.Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var text = new JsonSerializer(engine).Serialize(value, JsValue.Undefined, JsValue.Undefined);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }
}
