using System.Text.Json.Nodes;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Definitions;
using StoreStock.Engine.Expressions;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Runtime;

/// <summary>
/// One step of one instance, inside one transaction: run activities from a queue until every path waits or ends,
/// then leave the instance suspended, finished or faulted. The caller saves <see cref="Changes"/> and commits.
/// </summary>
public sealed class WorkflowStep
{
    private readonly List<BookmarkRecord> _activeBookmarks;
    private readonly Queue<WorkItem> _queue = new();
    private readonly Dictionary<string, JsonNode?> _pendingVariables = new(StringComparer.Ordinal);
    private bool _ended;

    internal WorkflowStep(EngineServices services, CompiledDefinition definition, InstanceRecord instance,
        IReadOnlyList<BookmarkRecord> activeBookmarks, UnitOfWork unitOfWork, WorkflowActor actor, CancellationToken cancellationToken)
    {
        Services = services;
        Definition = definition;
        Instance = instance;
        _activeBookmarks = [.. activeBookmarks];
        UnitOfWork = unitOfWork;
        Actor = actor;
        CancellationToken = cancellationToken;
        Now = services.Clock.GetUtcNow();

        // A wait-any join absorbs the late arrivals of the round it fired in. Those can only come within that step (it
        // cancels every wait, queued and pending work upstream), so each step finds the join open for a new round (a loop).
        foreach (var join in instance.State.Joins.Values)
        {
            join.Fired = false;
        }
    }

    public EngineServices Services { get; }

    public CompiledDefinition Definition { get; }

    public InstanceRecord Instance { get; }

    public UnitOfWork UnitOfWork { get; }

    public WorkflowActor Actor { get; }

    public CancellationToken CancellationToken { get; }

    public DateTimeOffset Now { get; }

    public StepChanges Changes { get; } = new();

    /// <summary>The bookmarks still waiting once the step is done.</summary>
    public IReadOnlyList<BookmarkRecord> ActiveBookmarks => _activeBookmarks;

    public async Task StartAsync()
    {
        _queue.Enqueue(new WorkItem(Definition.Start.Id, null));
        await RunAsync();
    }

    /// <summary>Hands a signal to the activity that owns the bookmark, then runs whatever follows.</summary>
    public async Task ResumeAsync(BookmarkRecord bookmark, ResumeSignal signal)
    {
        var activity = Definition.Activities[bookmark.ActivityId];
        var result = await GuardAsync(activity, () => activity.ResumeAsync(new ActivityContext(this, activity, null), bookmark, signal));
        if (result is null)
        {
            return;
        }

        if (result is not ActivityResult.KeepWaiting)
        {
            DeleteBookmark(bookmark.Id);
        }

        Apply(activity, result, "resumed");
        await RunAsync();
    }

    /// <summary>Runs the work a faulted step left, after its incidents are resolved.</summary>
    public async Task RetryAsync()
    {
        foreach (var item in Instance.State.PendingWork)
        {
            _queue.Enqueue(item);
        }

        Instance.State.PendingWork = [];
        Changes.ResolveIncidents = true;
        Instance.Status = InstanceStatus.Running;
        await RunAsync();
    }

    /// <summary>Cancels the instance: activities give back what they hold, every wait goes, every open card is cancelled.</summary>
    public async Task CancelAsync()
    {
        foreach (var activity in Definition.Activities.Values)
        {
            try
            {
                await activity.OnInstanceCancelledAsync(new ActivityContext(this, activity, null));
                await UnitOfWork.ActivitySucceededAsync(CancellationToken);
            }
            catch
            {
                await UnitOfWork.ActivityFailedAsync(CancellationToken);
                throw;
            }
        }

        foreach (var bookmark in _activeBookmarks.ToList())
        {
            DeleteBookmark(bookmark.Id);
        }

        Instance.State.PendingWork = [];
        Instance.Status = InstanceStatus.Cancelled;
        Instance.FinishedAt = Now;
        AddJournal(Definition.Start, "cancelled", null, null);
        Instance.UpdatedAt = Now;
    }

    private async Task RunAsync()
    {
        var executed = 0;
        while (_queue.TryPeek(out var item) && !_ended)
        {
            var activity = Definition.Activities[item.ActivityId];
            if (++executed > Services.Options.MaxActivitiesPerStep)
            {
                Fault(activity, $"一步内执行了超过 {Services.Options.MaxActivitiesPerStep} 个活动却没有等待，已停止 (runaway loop)");
                return;
            }

            var result = await GuardAsync(activity, () => activity.ExecuteAsync(new ActivityContext(this, activity, item.FromActivityId)));
            if (result is null)
            {
                return;
            }

            _queue.Dequeue();
            Apply(activity, result, "executed");
        }

        Settle();
    }

    /// <summary>Runs an activity; if it throws, its writes are undone, an incident is recorded and null returned.</summary>
    private async Task<ActivityResult?> GuardAsync(Activity activity, Func<ValueTask<ActivityResult>> run)
    {
        var mark = Changes.Take();
        _pendingVariables.Clear();
        try
        {
            var result = await run();
            await UnitOfWork.ActivitySucceededAsync(CancellationToken);
            foreach (var (name, value) in _pendingVariables)
            {
                Instance.Variables[name] = StoredJson.Of(value);
            }

            return result;
        }
        catch (Exception e) when (e is ScriptException or TemplateException or ActivityInputException or ActivityFaultException or Npgsql.PostgresException)
        {
            await UnitOfWork.ActivityFailedAsync(CancellationToken);
            Changes.RollBackTo(mark);
            Fault(activity, e.Message);
            return null;
        }
    }

    private void Fault(Activity activity, string message)
    {
        // Keep what an earlier fault left (another branch may fault before the retry): the retry runs both.
        Instance.State.PendingWork = [.. Instance.State.PendingWork, .. _queue];
        Instance.Status = InstanceStatus.Faulted;
        Instance.UpdatedAt = Now;
        Changes.Incidents.Add(new IncidentRecord(activity.Id, Now, message));
        AddJournal(activity, "faulted", null, message);
    }

    private void Apply(Activity activity, ActivityResult result, string how)
    {
        switch (result)
        {
            case ActivityResult.Continue go:
                AddJournal(activity, how, string.Join(",", go.Outcomes), null);
                foreach (var target in go.Outcomes.SelectMany(outcome => Definition.Next(activity.Id, outcome)))
                {
                    _queue.Enqueue(new WorkItem(target, activity.Id));
                }

                break;
            case ActivityResult.Wait:
                AddJournal(activity, "waiting", null, null);
                break;
            case ActivityResult.KeepWaiting:
                break;
            case ActivityResult.Absorb:
                AddJournal(activity, "arrived", null, null);
                break;
            case ActivityResult.EndInstance:
                AddJournal(activity, how, null, null);
                _ended = true;
                if (Instance.Status == InstanceStatus.Faulted)
                {
                    // The End also stops a branch that waits for a retry: its work is dropped, its incidents closed.
                    Instance.Status = InstanceStatus.Running;
                    Changes.ResolveIncidents = true;
                }

                Instance.State.PendingWork = [];
                foreach (var bookmark in _activeBookmarks.ToList())
                {
                    DeleteBookmark(bookmark.Id);
                }

                break;
        }
    }

    private void Settle()
    {
        Instance.UpdatedAt = Now;
        if (Instance.Status == InstanceStatus.Faulted)
        {
            // Another branch moved while the instance waits for a retry; it stays faulted until then.
            return;
        }

        if (_ended || _activeBookmarks.Count == 0)
        {
            Instance.Status = InstanceStatus.Finished;
            Instance.FinishedAt = Now;
            _queue.Clear();
        }
        else
        {
            Instance.Status = InstanceStatus.Suspended;
        }
    }

    internal void SetVariableLater(string name, JsonNode? value) => _pendingVariables[name] = value;

    internal BookmarkRecord CreateBookmark(string activityId, string kind, JsonObject payload)
    {
        var bookmark = new BookmarkRecord { Id = Guid.NewGuid(), InstanceId = Instance.Id, ActivityId = activityId, Kind = kind, Payload = payload, CreatedAt = Now };
        Changes.NewBookmarks.Add(bookmark);
        _activeBookmarks.Add(bookmark);
        return bookmark;
    }

    private void DeleteBookmark(Guid id)
    {
        var index = _activeBookmarks.FindIndex(b => b.Id == id);
        if (index >= 0)
        {
            _activeBookmarks.RemoveAt(index);
        }

        var pending = Changes.NewBookmarks.FindIndex(b => b.Id == id);
        if (pending >= 0)
        {
            // Created and gone within the same step: never stored, so nothing of it may be stored either.
            Changes.NewBookmarks.RemoveAt(pending);
            Changes.NewTimers.RemoveAll(t => t.BookmarkId == id);
            var unsentCards = Changes.NewTasks.Where(t => t.BookmarkId == id).Select(t => t.Id).ToHashSet();
            Changes.NewTasks.RemoveAll(t => unsentCards.Contains(t.Id));
            Changes.Outbox.RemoveAll(m => m.TaskId is { } taskId && unsentCards.Contains(taskId));
        }
        else
        {
            Changes.DeletedBookmarks.Add(id);
        }
    }

    internal JoinState JoinState(string joinId)
    {
        if (!Instance.State.Joins.TryGetValue(joinId, out var state))
        {
            Instance.State.Joins[joinId] = state = new JoinState();
        }

        return state;
    }

    /// <summary>Wait-any: the branches that lead into the join stop waiting and their queued (or faulted, pending) work is dropped.</summary>
    internal void CancelBranchesInto(string joinId)
    {
        var ancestors = Definition.AncestorsOf(joinId);
        foreach (var bookmark in _activeBookmarks.Where(b => ancestors.Contains(b.ActivityId)).ToList())
        {
            DeleteBookmark(bookmark.Id);
            AddJournal(Definition.Activities[bookmark.ActivityId], "cancelled", null, $"join {joinId} completed");
        }

        Instance.State.PendingWork.RemoveAll(w => ancestors.Contains(w.ActivityId));
        var keep = _queue.Where(w => !ancestors.Contains(w.ActivityId)).ToList();
        _queue.Clear();
        foreach (var item in keep)
        {
            _queue.Enqueue(item);
        }
    }

    internal Task<TaskCard?> OpenTaskOfAsync(Guid bookmarkId) =>
        Changes.NewTasks.Find(t => t.BookmarkId == bookmarkId && t.Status == Tasks.TaskStatus.Open) is { } pending
            ? Task.FromResult<TaskCard?>(pending)
            : InstanceStore.OpenTaskOfAsync(UnitOfWork, bookmarkId, CancellationToken);

    internal void AddJournal(Activity activity, string @event, string? outcome, string? detail)
    {
        Instance.State.JournalSeq++;
        Changes.Journal.Add(new JournalEntry(Instance.State.JournalSeq, Now, activity.Id, activity.Node.Type, @event, outcome, Actor.Actor, detail));
    }
}

/// <summary>An activity refuses to go on; the message becomes the incident.</summary>
public sealed class ActivityFaultException(string message) : Exception(message);
