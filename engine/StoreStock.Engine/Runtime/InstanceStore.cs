using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Runtime;

public enum LockTarget
{
    Instance,
    Task,
    Timer,
}

/// <summary>A locked instance (null when there is none) with its bookmarks, and the task or timer it was found by.</summary>
internal sealed record LockedRows(InstanceRecord? Instance, List<BookmarkRecord> Bookmarks, TaskCard? Task, TimerRecord? Timer);

/// <summary>Reads and writes instance state. A step's whole write set goes in one batch (one round trip).</summary>
internal static class InstanceStore
{
    private const string InstanceColumns =
        "id, definition_id, version, status, store_id, region_id, correlation, variables::text, state::text, started_by, created_at, updated_at, finished_at";

    internal const string TaskColumns =
        "id, instance_id, bookmark_id, activity_id, title, body, form::text, outcomes, assignee_role, assignees, store_id, region_id, status, " +
        "escalation_level, history::text, due_at, created_at, completed_at, completed_by, outcome, payload::text";

    /// <summary>
    /// Locks the instance row of an instance, task or timer id (any node may run any instance; the row lock
    /// serialises them) and reads, after the lock, its bookmarks and the task or timer: one round trip.
    /// </summary>
    public static async Task<LockedRows> LockAsync(UnitOfWork work, LockTarget target, Guid id, CancellationToken ct)
    {
        var instanceId = target switch
        {
            LockTarget.Task => "(select instance_id from wf_task where id = $1)",
            LockTarget.Timer => "(select instance_id from wf_timer where id = $1)",
            _ => "$1",
        };
        await using var batch = new NpgsqlBatch(work.Connection, work.Transaction)
        {
            BatchCommands =
            {
                Command($"select {InstanceColumns} from wf_instance where id = {instanceId} for update", id),
                Command($"select id, instance_id, activity_id, kind, payload::text, created_at from wf_bookmark where instance_id = {instanceId}", id),
            },
        };
        if (target == LockTarget.Task)
        {
            batch.BatchCommands.Add(Command($"select {TaskColumns} from wf_task where id = $1", id));
        }
        else if (target == LockTarget.Timer)
        {
            batch.BatchCommands.Add(Command("select id, instance_id, bookmark_id, kind, due_at from wf_timer where id = $1", id));
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var instance = await reader.ReadAsync(ct) ? ReadInstance(reader) : null;
        await reader.NextResultAsync(ct);
        var bookmarks = new List<BookmarkRecord>();
        while (await reader.ReadAsync(ct))
        {
            bookmarks.Add(new BookmarkRecord
            {
                Id = reader.GetGuid(0), InstanceId = reader.GetGuid(1), ActivityId = reader.GetString(2), Kind = reader.GetString(3),
                Payload = JsonNode.Parse(reader.GetString(4))!.AsObject(), CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
            });
        }

        TaskCard? task = null;
        TimerRecord? timer = null;
        if (target != LockTarget.Instance && await reader.NextResultAsync(ct) && await reader.ReadAsync(ct))
        {
            if (target == LockTarget.Task)
            {
                task = ReadTask(reader);
            }
            else
            {
                timer = new TimerRecord(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
            }
        }

        return new LockedRows(instance, bookmarks, task, timer);
    }

    public static async Task<TaskCard?> OpenTaskOfAsync(UnitOfWork work, Guid bookmarkId, CancellationToken ct) =>
        (await TasksAsync(work.Connection, work.Transaction, "where bookmark_id = $1 and status = 'open'", [bookmarkId], ct)).FirstOrDefault();

    public static async Task<List<TaskCard>> TasksAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, object[] args, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {TaskColumns} from wf_task {where}", connection, transaction);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var tasks = new List<TaskCard>();
        while (await reader.ReadAsync(ct))
        {
            tasks.Add(ReadTask(reader));
        }

        return tasks;
    }

    /// <summary>Writes the instance and everything the step changed, in one round trip.</summary>
    public static async Task SaveAsync(UnitOfWork work, InstanceRecord instance, StepChanges changes, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(work.Connection, work.Transaction);
        batch.BatchCommands.Add(Command(
            "insert into wf_instance (id, definition_id, version, status, store_id, region_id, correlation, variables, state, started_by, created_at, updated_at, finished_at) " +
            "values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13) " +
            "on conflict (id) do update set status = excluded.status, variables = excluded.variables, state = excluded.state, " +
            "updated_at = excluded.updated_at, finished_at = excluded.finished_at",
            instance.Id, instance.DefinitionId, instance.Version, instance.Status, Nullable(instance.StoreId, NpgsqlDbType.Integer), Nullable(instance.RegionId, NpgsqlDbType.Integer),
            Nullable(instance.Correlation, NpgsqlDbType.Text), instance.Variables.ToJsonString(), JsonSerializer.Serialize(instance.State, EngineJson.Options),
            instance.StartedBy, instance.CreatedAt, instance.UpdatedAt, Nullable(instance.FinishedAt, NpgsqlDbType.TimestampTz)));

        foreach (var task in changes.NewTasks)
        {
            batch.BatchCommands.Add(Command(
                "insert into wf_task (id, instance_id, bookmark_id, activity_id, title, body, form, outcomes, assignee_role, assignees, store_id, region_id, status, " +
                "escalation_level, history, due_at, created_at) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17)",
                task.Id, task.InstanceId, task.BookmarkId, task.ActivityId, task.Title, task.Body, Json(task.Form), task.Outcomes.ToArray(),
                Nullable(task.AssigneeRole, NpgsqlDbType.Text), task.Assignees.ToArray(), Nullable(task.StoreId, NpgsqlDbType.Integer), Nullable(task.RegionId, NpgsqlDbType.Integer), task.Status,
                task.EscalationLevel, Json(task.History), Nullable(task.DueAt, NpgsqlDbType.TimestampTz), task.CreatedAt));
        }

        foreach (var task in changes.ChangedTasks.Where(t => !changes.NewTasks.Contains(t)).Distinct())
        {
            batch.BatchCommands.Add(Command(
                "update wf_task set status = $2, assignee_role = $3, assignees = $4, escalation_level = $5, history = $6::jsonb, " +
                "completed_at = $7, completed_by = $8, outcome = $9, payload = $10::jsonb where id = $1",
                task.Id, task.Status, Nullable(task.AssigneeRole, NpgsqlDbType.Text), task.Assignees.ToArray(), task.EscalationLevel, Json(task.History),
                Nullable(task.CompletedAt, NpgsqlDbType.TimestampTz), Nullable(task.CompletedBy, NpgsqlDbType.Text), Nullable(task.Outcome, NpgsqlDbType.Text), Nullable(task.Payload?.ToJsonString(), NpgsqlDbType.Text)));
        }

        if (changes.DeletedBookmarks.Count > 0)
        {
            var ids = changes.DeletedBookmarks.ToArray();
            batch.BatchCommands.Add(Command("delete from wf_bookmark where id = any($1)", ids));
            batch.BatchCommands.Add(Command("delete from wf_timer where bookmark_id = any($1)", ids));
            // A bookmark has at most one card; when this step closed it already (completed, expired), nothing is left to cancel.
            var mayHaveOpenCard = ids.Where(id => !changes.ChangedTasks.Exists(t => t.BookmarkId == id && t.Status != Tasks.TaskStatus.Open)).ToArray();
            if (mayHaveOpenCard.Length > 0)
            {
                batch.BatchCommands.Add(Command(
                    "update wf_task set status = 'cancelled', history = history || jsonb_build_array(jsonb_build_object('at', $2::timestamptz, 'event', 'cancelled', 'actor', $3::text)) " +
                    "where bookmark_id = any($1) and status = 'open'", mayHaveOpenCard, instance.UpdatedAt, "system:engine"));
            }
        }

        if (changes.ConsumedTimers.Count > 0)
        {
            batch.BatchCommands.Add(Command("delete from wf_timer where id = any($1)", changes.ConsumedTimers.ToArray()));
        }

        if (changes.NewBookmarks.Count > 0)
        {
            var b = changes.NewBookmarks;
            batch.BatchCommands.Add(Command(
                "insert into wf_bookmark (id, instance_id, activity_id, kind, payload, created_at) " +
                "select id, $2, activity_id, kind, payload::jsonb, $6 from unnest($1::uuid[], $3::text[], $4::text[], $5::text[]) as t(id, activity_id, kind, payload)",
                b.Select(x => x.Id).ToArray(), instance.Id, b.Select(x => x.ActivityId).ToArray(), b.Select(x => x.Kind).ToArray(),
                b.Select(x => x.Payload.ToJsonString()).ToArray(), instance.UpdatedAt));
        }

        if (changes.NewTimers.Count > 0)
        {
            var t = changes.NewTimers;
            batch.BatchCommands.Add(Command(
                "insert into wf_timer (id, instance_id, bookmark_id, kind, due_at) select id, $2, bookmark_id, kind, due_at " +
                "from unnest($1::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) as t(id, bookmark_id, kind, due_at)",
                t.Select(x => x.Id).ToArray(), instance.Id, t.Select(x => x.BookmarkId).ToArray(), t.Select(x => x.Kind).ToArray(), t.Select(x => x.DueAt).ToArray()));
        }

        if (changes.Journal.Count > 0)
        {
            var j = changes.Journal;
            batch.BatchCommands.Add(Command(
                "insert into wf_journal (instance_id, seq, at, activity_id, activity_type, event, outcome, actor, detail) " +
                "select $1, * from unnest($2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])",
                instance.Id, j.Select(x => x.Seq).ToArray(), j.Select(x => x.At).ToArray(), j.Select(x => x.ActivityId).ToArray(),
                j.Select(x => x.ActivityType).ToArray(), j.Select(x => x.Event).ToArray(), j.Select(x => x.Outcome).ToArray(),
                j.Select(x => x.Actor).ToArray(), j.Select(x => x.Detail).ToArray()));
        }

        if (changes.Outbox.Count > 0)
        {
            var o = changes.Outbox;
            batch.BatchCommands.Add(Command(
                "insert into wf_outbox (instance_id, task_id, kind, recipient, title, body, created_at) " +
                "select $1, task_id, kind, recipient, title, body, $7 from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(task_id, kind, recipient, title, body)",
                instance.Id, o.Select(x => x.TaskId).ToArray(), o.Select(x => x.Kind).ToArray(), o.Select(x => x.Recipient).ToArray(),
                o.Select(x => x.Title).ToArray(), o.Select(x => x.Body).ToArray(), instance.UpdatedAt));
        }

        if (changes.ResolveIncidents)
        {
            batch.BatchCommands.Add(Command("update wf_incident set resolved_at = $2 where instance_id = $1 and resolved_at is null", instance.Id, instance.UpdatedAt));
        }

        foreach (var incident in changes.Incidents)
        {
            batch.BatchCommands.Add(Command("insert into wf_incident (instance_id, activity_id, at, message) values ($1, $2, $3, $4)",
                instance.Id, incident.ActivityId, incident.At, incident.Message));
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    internal static NpgsqlBatchCommand Command(string sql, params object?[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(arg switch
            {
                Guid?[] ids => new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                string?[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                NpgsqlParameter typed => typed,
                _ => new NpgsqlParameter { Value = arg ?? DBNull.Value },
            });
        }

        return command;
    }

    /// <summary>
    /// A value that may be null, typed either way: a statement is auto-prepared with its parameter types, and an
    /// untyped null would make every execution whose nullness differs from the prepared one run unprepared.
    /// </summary>
    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EngineJson.Options);

    private static InstanceRecord ReadInstance(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        DefinitionId = r.GetString(1),
        Version = r.GetInt32(2),
        Status = r.GetString(3),
        StoreId = r.IsDBNull(4) ? null : r.GetInt32(4),
        RegionId = r.IsDBNull(5) ? null : r.GetInt32(5),
        Correlation = r.IsDBNull(6) ? null : r.GetString(6),
        Variables = JsonNode.Parse(r.GetString(7))!.AsObject(),
        State = JsonSerializer.Deserialize<InstanceState>(r.GetString(8), EngineJson.Options)!,
        StartedBy = r.GetString(9),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(10),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(11),
        FinishedAt = r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
    };

    internal static TaskCard ReadTask(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        InstanceId = r.GetGuid(1),
        BookmarkId = r.GetGuid(2),
        ActivityId = r.GetString(3),
        Title = r.GetString(4),
        Body = r.GetString(5),
        Form = JsonSerializer.Deserialize<List<FormField>>(r.GetString(6), EngineJson.Options)!,
        Outcomes = [.. r.GetFieldValue<string[]>(7)],
        AssigneeRole = r.IsDBNull(8) ? null : r.GetString(8),
        Assignees = [.. r.GetFieldValue<string[]>(9)],
        StoreId = r.IsDBNull(10) ? null : r.GetInt32(10),
        RegionId = r.IsDBNull(11) ? null : r.GetInt32(11),
        Status = r.GetString(12),
        EscalationLevel = r.GetInt32(13),
        History = JsonSerializer.Deserialize<List<TaskHistoryEntry>>(r.GetString(14), EngineJson.Options)!,
        DueAt = r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(16),
        CompletedAt = r.IsDBNull(17) ? null : r.GetFieldValue<DateTimeOffset>(17),
        CompletedBy = r.IsDBNull(18) ? null : r.GetString(18),
        Outcome = r.IsDBNull(19) ? null : r.GetString(19),
        Payload = r.IsDBNull(20) ? null : JsonNode.Parse(r.GetString(20))!.AsObject(),
    };
}
