using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using StoreStock.Engine.Expressions;
using StoreStock.Engine.Organisation;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Activities;

/// <summary>An input's value could not be worked out; the activity faults with this message.</summary>
public sealed class ActivityInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What one activity run sees: its instance's variables, expression evaluation, the clock and the actor, and the
/// ways to wait (bookmarks, timers, task cards), to tell people (outbox) and to write in the step's transaction.
/// </summary>
public sealed class ActivityContext
{
    private readonly WorkflowStep _step;

    internal ActivityContext(WorkflowStep step, Activity activity, string? fromActivityId)
    {
        _step = step;
        Activity = activity;
        FromActivityId = fromActivityId;
    }

    public Activity Activity { get; }

    /// <summary>The activity whose outcome led here (null for the start or a resume).</summary>
    public string? FromActivityId { get; }

    public InstanceRecord Instance => _step.Instance;

    public JsonObject Variables => _step.Instance.Variables;

    public DateTimeOffset Now => _step.Now;

    public WorkflowActor Actor => _step.Actor;

    public IOrgDirectory Org => _step.Services.Org;

    public CancellationToken CancellationToken => _step.CancellationToken;

    /// <summary>An application service an activity needs (the ledger writer, a document service), as Elsa's activities get theirs.</summary>
    public T GetRequiredService<T>()
        where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(_step.Services.Provider);

    /// <summary>The value of an input: its literal, or its expression evaluated over the variables.</summary>
    public T? Get<T>(Input<T> input)
    {
        var node = input.Expression switch
        {
            null => input.Literal,
            { Syntax: Expression.JavaScript } e => _step.Services.Scripts.Evaluate(e.Value, Variables),
            { Syntax: Expression.Template } e => JsonValue.Create(Render(e.Value)),
            var e => throw new ActivityInputException($"Unknown expression type '{e.Syntax}'."),
        };
        return Convert<T>(node, Activity.Id);
    }

    /// <summary>Whether a JavaScript condition holds over the variables (JavaScript's idea of true).</summary>
    public bool Holds(string condition) => Get(new Input<bool>(null, new Expression(Expression.JavaScript, condition)));

    public string Render(string template) => _step.Services.Templates.Render(template, Variables);

    /// <summary>Runs a script whose <c>setVariable</c> calls take effect when the activity succeeds.</summary>
    public JsonNode? RunScript(string code) => _step.Services.Scripts.Evaluate(code, Variables, _step.SetVariableLater);

    public void SetVariable(string name, JsonNode? value) => _step.SetVariableLater(name, value);

    public BookmarkRecord CreateBookmark(string kind, JsonObject payload) => _step.CreateBookmark(Activity.Id, kind, payload);

    public void ScheduleTimer(BookmarkRecord bookmark, string kind, DateTimeOffset dueAt) =>
        _step.Changes.NewTimers.Add(new TimerRecord(Guid.NewGuid(), Instance.Id, bookmark.Id, kind, dueAt));

    public void AddTask(TaskCard task) => _step.Changes.NewTasks.Add(task);

    public void UpdateTask(TaskCard task) => _step.Changes.ChangedTasks.Add(task);

    public Task<TaskCard?> OpenTaskOfAsync(BookmarkRecord bookmark) => _step.OpenTaskOfAsync(bookmark.Id);

    public void Notify(string kind, IEnumerable<string> recipients, string title, string body, Guid? taskId = null)
    {
        foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
        {
            _step.Changes.Outbox.Add(new OutboxMessage(Instance.Id, taskId, kind, recipient, title, body));
        }
    }

    public void Journal(string @event, string? detail) => _step.AddJournal(Activity, @event, null, detail);

    /// <summary>The step's connection and transaction for an activity that writes (stock moves); its writes roll back if it faults.</summary>
    public Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> TransactionAsync() =>
        _step.UnitOfWork.EnterForActivityAsync(CancellationToken);

    // Join support: which branches have arrived, and cancelling the others.
    internal JoinState JoinState(string joinId) => _step.JoinState(joinId);

    internal IReadOnlyList<string> InboundSources => _step.Definition.InboundSources(Activity.Id);

    internal void CancelBranchesInto(string joinId) => _step.CancelBranchesInto(joinId);

    internal static T? Convert<T>(JsonNode? node, string activityId)
    {
        if (typeof(T) == typeof(bool))
        {
            return (T)(object)Truthy(node);
        }

        if (typeof(T) == typeof(string) && node is JsonValue value && value.GetValueKind() != JsonValueKind.String)
        {
            return (T)(object)value.ToJsonString();
        }

        try
        {
            return node is null ? default : node.Deserialize<T>(EngineJson.Options);
        }
        catch (JsonException e)
        {
            throw new ActivityInputException($"活动 {activityId} 的输入不是 {ActivityRegistry.TypeName(typeof(T))} (input has the wrong type)", e);
        }
    }

    /// <summary>JavaScript's idea of true, so a condition reads the way its author meant.</summary>
    private static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.GetValue<double>() is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            _ => false,
        },
        _ => true,
    };
}
