using System.Text.Json;

namespace StoreStock.Bench.Engine;

/// <summary>The parts of a start or completion answer the clients act on: the status and the cards it issued.</summary>
public sealed record StepAnswer(string Status, IReadOnlyList<StepAnswer.Card> NewTasks)
{
    public const string Suspended = "suspended";
    public const string Finished = "finished";

    public sealed record Card(Guid Id, IReadOnlyList<string> Assignees);

    public static StepAnswer Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var cards = root.GetProperty("newTasks").EnumerateArray()
            .Select(t => new Card(t.GetProperty("id").GetGuid(), t.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()!).ToList()))
            .ToList();
        return new StepAnswer(root.GetProperty("status").GetString()!, cards);
    }

    /// <summary>The one card this answer should carry, for exactly <paramref name="assignee"/>; null (with the reason) otherwise.</summary>
    public Card? SingleCardFor(string assignee, out string? problem)
    {
        problem = Status != Suspended || NewTasks.Count != 1 || NewTasks[0].Assignees is not [var only] || only != assignee
            ? $"expected status {Suspended} with one card for {assignee}, got {Describe()}"
            : null;
        return problem is null ? NewTasks[0] : null;
    }

    public string? NotFinished() => Status == Finished && NewTasks.Count == 0 ? null : $"expected status {Finished} with no new card, got {Describe()}";

    private string Describe() =>
        $"{Status} with cards [{string.Join("; ", NewTasks.Select(c => string.Join(",", c.Assignees)))}]";
}
