using System.Text.Json.Nodes;
using Dapper;
using StoreStock.Engine.Organisation;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Runtime;

public sealed record InstanceFilter(string? DefinitionId, string? Status, int? StoreId, string? Correlation, int Limit = 50, int Offset = 0);

public sealed record InstanceSummary(Guid Id, string DefinitionId, int Version, string Status, int? StoreId, int? RegionId, string? Correlation,
    string StartedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

public sealed record InstanceDetail(InstanceSummary Instance, JsonObject Variables, IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<BookmarkView> Bookmarks, IReadOnlyList<IncidentView> Incidents, IReadOnlyList<TaskCard> Tasks, IReadOnlyList<TimerView> Timers);

public sealed record BookmarkView(Guid Id, string ActivityId, string Kind, DateTimeOffset CreatedAt);

public sealed record IncidentView(long Id, string ActivityId, DateTimeOffset At, string Message, DateTimeOffset? ResolvedAt);

public sealed record TimerView(Guid Id, Guid BookmarkId, string Kind, DateTimeOffset DueAt);

/// <summary>What people read about instances and cards, always inside their scope.</summary>
public sealed class WorkflowQueries(EngineDatabase database, IOrgDirectory org)
{
    public const int MaxPage = 200;

    public async Task<IReadOnlyList<InstanceSummary>> InstancesAsync(InstanceFilter filter, WorkflowActor actor, CancellationToken ct)
    {
        var (scope, scopeStore, scopeRegion) = WorkflowScope.Filter(actor, org);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<InstanceRow>(new CommandDefinition(
            $"""
            select id, definition_id, version, status, store_id, region_id, correlation, started_by, created_at, updated_at, finished_at
            from wf_instance
            where {scope}
              and (@DefinitionId::text is null or definition_id = @DefinitionId)
              and (@Status::text is null or status = @Status)
              and (@StoreId::int is null or store_id = @StoreId)
              and (@Correlation::text is null or correlation = @Correlation)
            order by created_at desc, id desc limit @Limit offset @Offset
            """,
            new { scopeStore, scopeRegion, filter.DefinitionId, filter.Status, filter.StoreId, filter.Correlation, Limit = Math.Clamp(filter.Limit, 1, MaxPage), Offset = Math.Max(0, filter.Offset) },
            cancellationToken: ct));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    public async Task<InstanceDetail?> InstanceAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(
            "select id, definition_id, version, status, store_id, region_id, correlation, started_by, created_at, updated_at, finished_at, variables::text as variables " +
            "from wf_instance where id = @id", new { id }, cancellationToken: ct));
        if (row is null || !WorkflowScope.CanSee(actor, org, row.StoreId, row.RegionId))
        {
            return null;
        }

        var journal = await connection.QueryAsync<JournalRow>(new CommandDefinition(
            "select seq, at, activity_id, activity_type, event, outcome, actor, detail from wf_journal where instance_id = @id order by seq", new { id }, cancellationToken: ct));
        var bookmarks = await connection.QueryAsync<BookmarkRow>(new CommandDefinition(
            "select id, activity_id, kind, created_at from wf_bookmark where instance_id = @id order by created_at", new { id }, cancellationToken: ct));
        var incidents = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            "select id, activity_id, at, message, resolved_at from wf_incident where instance_id = @id order by id", new { id }, cancellationToken: ct));
        var timers = await connection.QueryAsync<TimerRow>(new CommandDefinition(
            "select id, bookmark_id, kind, due_at from wf_timer where instance_id = @id order by due_at", new { id }, cancellationToken: ct));
        var tasks = await InstanceStore.TasksAsync(connection, null, "where instance_id = $1 order by created_at", [id], ct);
        return new InstanceDetail(row.ToSummary(), JsonNode.Parse(row.Variables ?? "{}")!.AsObject(),
            journal.Select(j => new JournalEntry(j.Seq, j.At, j.ActivityId, j.ActivityType, j.Event, j.Outcome, j.Actor, j.Detail)).ToList(),
            bookmarks.Select(b => new BookmarkView(b.Id, b.ActivityId, b.Kind, b.CreatedAt)).ToList(),
            incidents.Select(i => new IncidentView(i.Id, i.ActivityId, i.At, i.Message, i.ResolvedAt)).ToList(),
            tasks,
            timers.Select(t => new TimerView(t.Id, t.BookmarkId, t.Kind, t.DueAt)).ToList());
    }

    /// <summary>The open cards assigned to the user, soonest due first.</summary>
    public async Task<IReadOnlyList<TaskCard>> MyOpenTasksAsync(WorkflowActor actor, CancellationToken ct)
    {
        if (actor.Username is null)
        {
            return [];
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await InstanceStore.TasksAsync(connection, null,
            "where status = 'open' and assignees @> array[$1] order by due_at nulls last, created_at limit 500", [actor.Username], ct);
    }

    /// <summary>A card its assignee or anyone whose scope covers it may read.</summary>
    public async Task<TaskCard?> TaskAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var task = (await InstanceStore.TasksAsync(connection, null, "where id = $1", [id], ct)).FirstOrDefault();
        return task is not null && (task.Assignees.Contains(actor.Username ?? "") || WorkflowScope.CanSee(actor, org, task.StoreId, task.RegionId)) ? task : null;
    }

    private sealed class InstanceRow
    {
        public Guid Id { get; init; }
        public string DefinitionId { get; init; } = "";
        public int Version { get; init; }
        public string Status { get; init; } = "";
        public int? StoreId { get; init; }
        public int? RegionId { get; init; }
        public string? Correlation { get; init; }
        public string StartedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
        public string? Variables { get; init; }

        public InstanceSummary ToSummary() => new(Id, DefinitionId, Version, Status, StoreId, RegionId, Correlation, StartedBy, CreatedAt, UpdatedAt, FinishedAt);
    }

    private sealed class JournalRow
    {
        public int Seq { get; init; }
        public DateTimeOffset At { get; init; }
        public string ActivityId { get; init; } = "";
        public string ActivityType { get; init; } = "";
        public string Event { get; init; } = "";
        public string? Outcome { get; init; }
        public string Actor { get; init; } = "";
        public string? Detail { get; init; }
    }

    private sealed class BookmarkRow
    {
        public Guid Id { get; init; }
        public string ActivityId { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class IncidentRow
    {
        public long Id { get; init; }
        public string ActivityId { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public string Message { get; init; } = "";
        public DateTimeOffset? ResolvedAt { get; init; }
    }

    private sealed class TimerRow
    {
        public Guid Id { get; init; }
        public Guid BookmarkId { get; init; }
        public string Kind { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
    }
}
