using System.Text.Json.Nodes;

namespace StoreStock.Engine.Activities;

/// <summary>An expression written in a definition: JavaScript (Jint) or a Handlebars template.</summary>
public sealed record Expression(string Syntax, string Value)
{
    public const string JavaScript = "js";
    public const string Template = "template";
}

/// <summary>The untyped view of an input, for binding and validation.</summary>
public interface IInput
{
    Type ValueType { get; }

    Expression? Expression { get; }

    JsonNode? Literal { get; }
}

/// <summary>An input of an activity: a literal of <typeparamref name="T"/> or an expression evaluated when the activity runs.</summary>
public sealed class Input<T> : IInput
{
    public Input(JsonNode? literal, Expression? expression)
    {
        Literal = literal;
        Expression = expression;
    }

#pragma warning disable CA1000 // Input<T>.Empty reads better at the property declarations than a factory elsewhere.
    public static Input<T> Empty { get; } = new(null, null);
#pragma warning restore CA1000

    public Type ValueType => typeof(T);

    public Expression? Expression { get; }

    public JsonNode? Literal { get; }

    public bool IsEmpty => Expression is null && Literal is null;
}
