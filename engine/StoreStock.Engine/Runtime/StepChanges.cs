using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Runtime;

/// <summary>
/// Everything one step wrote, kept in memory until the step saves it in one round trip with the instance row
/// (invariant 5). A faulting activity's own writes are dropped by rolling back to the mark taken before it ran.
/// </summary>
public sealed class StepChanges
{
    public List<JournalEntry> Journal { get; } = [];

    public List<BookmarkRecord> NewBookmarks { get; } = [];

    /// <summary>Bookmarks consumed or cancelled; their timers go and their open cards are cancelled with them.</summary>
    public List<Guid> DeletedBookmarks { get; } = [];

    public List<TaskCard> NewTasks { get; } = [];

    public List<TaskCard> ChangedTasks { get; } = [];

    public List<TimerRecord> NewTimers { get; } = [];

    public List<Guid> ConsumedTimers { get; } = [];

    public List<OutboxMessage> Outbox { get; } = [];

    public List<IncidentRecord> Incidents { get; } = [];

    public bool ResolveIncidents { get; set; }

    public Mark Take() => new(Journal.Count, NewBookmarks.Count, DeletedBookmarks.Count, NewTasks.Count, ChangedTasks.Count, NewTimers.Count, ConsumedTimers.Count, Outbox.Count);

    public void RollBackTo(Mark mark)
    {
        Trim(Journal, mark.Journal);
        Trim(NewBookmarks, mark.NewBookmarks);
        Trim(DeletedBookmarks, mark.DeletedBookmarks);
        Trim(NewTasks, mark.NewTasks);
        Trim(ChangedTasks, mark.ChangedTasks);
        Trim(NewTimers, mark.NewTimers);
        Trim(ConsumedTimers, mark.ConsumedTimers);
        Trim(Outbox, mark.Outbox);
    }

    private static void Trim<T>(List<T> list, int count) => list.RemoveRange(count, list.Count - count);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    public readonly record struct Mark(int Journal, int NewBookmarks, int DeletedBookmarks, int NewTasks, int ChangedTasks, int NewTimers, int ConsumedTimers, int Outbox);
}
