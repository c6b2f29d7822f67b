using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using StoreStock.Engine.Runtime;
using StoreStock.Engine.Validation;

namespace StoreStock.Engine.Definitions;

public sealed record DefinitionSummary(string DefinitionId, string Name, string? Description, int LatestVersion, int? PublishedVersion, bool HasDraft, DateTimeOffset UpdatedAt);

public sealed record VersionSummary(int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt);

/// <summary>A publish refused because the definition has problems.</summary>
public sealed record PublishRefused(IReadOnlyList<ValidationProblem> Problems);

/// <summary>
/// Definitions and their versions. Editing changes the one draft (a new version number above the published ones);
/// publishing freezes it; restoring publishes a copy of an older version as the newest.
/// </summary>
public sealed partial class DefinitionStore(EngineDatabase database, DefinitionValidator validator, TimeProvider clock)
{
    public const int MaxActivities = 500;

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<DefinitionRow>(new CommandDefinition(
            """
            select l.definition_id, l.name, l.description, l.version as latest_version,
                   (select max(version) from wf_definition p where p.definition_id = l.definition_id and p.is_published) as published_version,
                   exists (select 1 from wf_definition d where d.definition_id = l.definition_id and not d.is_published) as has_draft,
                   coalesce(l.published_at, l.created_at) as updated_at
            from wf_definition l where l.is_latest order by l.definition_id
            """, cancellationToken: ct));
        return rows.Select(r => new DefinitionSummary(r.DefinitionId, r.Name, r.Description, r.LatestVersion, r.PublishedVersion, r.HasDraft, r.UpdatedAt)).ToList();
    }

    /// <summary>A version, or the latest (draft or published) when none is given.</summary>
    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int? version, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<BodyRow>(new CommandDefinition(
            "select body::text as body, version, is_published, is_latest from wf_definition where definition_id = @definitionId " +
            "and (@version::int is null and is_latest or version = @version)",
            new { definitionId, version }, cancellationToken: ct));
        return row is null ? null : ToDefinition(row);
    }

    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync(string definitionId, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            "select version, is_published, is_latest, created_at, created_by, published_at from wf_definition where definition_id = @definitionId order by version desc",
            new { definitionId }, cancellationToken: ct));
        return rows.Select(r => new VersionSummary(r.Version, r.IsPublished, r.IsLatest, r.CreatedAt, r.CreatedBy, r.PublishedAt)).ToList();
    }

    /// <summary>Saves the draft (creating it above the latest version when there is none). A draft may still have problems.</summary>
    public async Task<Outcome<WorkflowDefinition>> SaveDraftAsync(WorkflowDefinition definition, string actor, CancellationToken ct)
    {
        var errors = CheckShape(definition);
        if (errors.Any)
        {
            return errors;
        }

        return await database.InTransactionAsync<Outcome<WorkflowDefinition>>(async work =>
        {
            var connection = work.Connection;
            await LockDefinitionAsync(work, definition.DefinitionId, ct);
            var draft = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
                "select version from wf_definition where definition_id = @DefinitionId and not is_published", definition, work.Transaction, cancellationToken: ct));
            var now = clock.GetUtcNow();
            if (draft is { } version)
            {
                definition.Version = version;
                await connection.ExecuteAsync(new CommandDefinition(
                    "update wf_definition set name = @name, description = @description, body = @body::jsonb, created_at = @now, created_by = @actor " +
                    "where definition_id = @id and version = @version",
                    new { id = definition.DefinitionId, version, name = definition.Name, description = definition.Description, body = Body(definition), now, actor },
                    work.Transaction, cancellationToken: ct));
            }
            else
            {
                definition.Version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "select coalesce(max(version), 0) + 1 from wf_definition where definition_id = @DefinitionId", definition, work.Transaction, cancellationToken: ct));
                await InsertVersionAsync(work, definition, isPublished: false, actor, now, ct);
            }

            definition.IsLatest = true;
            definition.IsPublished = false;
            return definition;
        }, ct);
    }

    /// <summary>Publishes the draft after validating it; refused with every problem when there is one.</summary>
    public async Task<Outcome<WorkflowDefinition>> PublishAsync(string definitionId, string actor, CancellationToken ct) =>
        await database.InTransactionAsync<Outcome<WorkflowDefinition>>(async work =>
        {
            await LockDefinitionAsync(work, definitionId, ct);
            var row = await work.Connection.QuerySingleOrDefaultAsync<BodyRow>(new CommandDefinition(
                "select body::text as body, version, is_published, is_latest from wf_definition where definition_id = @definitionId and not is_published",
                new { definitionId }, work.Transaction, cancellationToken: ct));
            if (row is null)
            {
                return await ExistsAsync(work, definitionId, ct)
                    ? Failure.Conflict($"工作流 {definitionId} 没有草稿可发布 (there is no draft to publish)")
                    : Failure.NotFound($"没有工作流 {definitionId} (no such workflow)");
            }

            var definition = ToDefinition(row);
            var problems = validator.Validate(definition);
            if (problems.Count > 0)
            {
                return new Failure(FailureKind.Invalid, $"工作流有 {problems.Count} 个问题，未发布 (the definition has {problems.Count} problems; not published)", new PublishRefused(problems));
            }

            await work.Connection.ExecuteAsync(new CommandDefinition(
                "update wf_definition set is_published = true, published_at = @now where definition_id = @definitionId and version = @version",
                new { definitionId, version = definition.Version, now = clock.GetUtcNow() }, work.Transaction, cancellationToken: ct));
            definition.IsPublished = true;
            return definition;
        }, ct);

    /// <summary>Publishes a copy of an older version as the newest version; an open draft is discarded.</summary>
    public async Task<Outcome<WorkflowDefinition>> RestoreAsync(string definitionId, int version, string actor, CancellationToken ct) =>
        await database.InTransactionAsync<Outcome<WorkflowDefinition>>(async work =>
        {
            await LockDefinitionAsync(work, definitionId, ct);
            var row = await work.Connection.QuerySingleOrDefaultAsync<BodyRow>(new CommandDefinition(
                "select body::text as body, version, is_published, is_latest from wf_definition where definition_id = @definitionId and version = @version and is_published",
                new { definitionId, version }, work.Transaction, cancellationToken: ct));
            if (row is null)
            {
                return Failure.NotFound($"工作流 {definitionId} 没有已发布的版本 {version} (no such published version)");
            }

            var definition = ToDefinition(row);
            var problems = validator.Validate(definition);
            if (problems.Count > 0)
            {
                return new Failure(FailureKind.Invalid, $"版本 {version} 现在有 {problems.Count} 个问题，未恢复 (the version no longer validates)", new PublishRefused(problems));
            }

            await work.Connection.ExecuteAsync(new CommandDefinition(
                "delete from wf_definition where definition_id = @definitionId and not is_published", new { definitionId }, work.Transaction, cancellationToken: ct));
            definition.Version = await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "select max(version) + 1 from wf_definition where definition_id = @definitionId", new { definitionId }, work.Transaction, cancellationToken: ct));
            await InsertVersionAsync(work, definition, isPublished: true, actor, clock.GetUtcNow(), ct);
            definition.IsPublished = true;
            definition.IsLatest = true;
            return definition;
        }, ct);

    /// <summary>The latest published version's number, or null when nothing is published.</summary>
    public static async Task<int?> LatestPublishedAsync(UnitOfWork work, string definitionId, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select max(version) from wf_definition where definition_id = @definitionId and is_published", new { definitionId }, work.Transaction, cancellationToken: ct));

    public static async Task<WorkflowDefinition?> PublishedAsync(UnitOfWork work, string definitionId, int version, CancellationToken ct)
    {
        var row = await work.Connection.QuerySingleOrDefaultAsync<BodyRow>(new CommandDefinition(
            "select body::text as body, version, is_published, is_latest from wf_definition where definition_id = @definitionId and version = @version and is_published",
            new { definitionId, version }, work.Transaction, cancellationToken: ct));
        return row is null ? null : ToDefinition(row);
    }

    private static FieldErrors CheckShape(WorkflowDefinition definition)
    {
        var errors = DefinitionStructure.Check(definition);
        if (!DefinitionIdPattern().IsMatch(definition.DefinitionId ?? ""))
        {
            errors.Add("definitionId", "must be 1–64 lower-case letters, digits or - _");
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 100)
        {
            errors.Add("name", "is required, at most 100 characters");
        }

        if (definition.Root?.Activities?.Count > MaxActivities)
        {
            errors.Add("root.activities", $"at most {MaxActivities} activities");
        }

        return errors;
    }

    private static async Task LockDefinitionAsync(UnitOfWork work, string definitionId, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtextextended('wf_definition:' || @definitionId, 0))",
            new { definitionId }, work.Transaction, cancellationToken: ct));

    private static async Task<bool> ExistsAsync(UnitOfWork work, string definitionId, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from wf_definition where definition_id = @definitionId)",
            new { definitionId }, work.Transaction, cancellationToken: ct));

    private static async Task InsertVersionAsync(UnitOfWork work, WorkflowDefinition definition, bool isPublished, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "update wf_definition set is_latest = false where definition_id = @DefinitionId and is_latest", definition, work.Transaction, cancellationToken: ct));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "insert into wf_definition (definition_id, version, name, description, is_published, is_latest, body, created_at, created_by, published_at) " +
            "values (@id, @version, @name, @description, @isPublished, true, @body::jsonb, @now, @actor, case when @isPublished then @now end)",
            new { id = definition.DefinitionId, version = definition.Version, name = definition.Name, description = definition.Description, isPublished, body = Body(definition), now, actor },
            work.Transaction, cancellationToken: ct));
    }

    private static string Body(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, EngineJson.Options);

    private static WorkflowDefinition ToDefinition(BodyRow row)
    {
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(row.Body, EngineJson.Options)!;
        definition.Version = row.Version;
        definition.IsPublished = row.IsPublished;
        definition.IsLatest = row.IsLatest;
        return definition;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex DefinitionIdPattern();

    private sealed class DefinitionRow
    {
        public string DefinitionId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public int LatestVersion { get; init; }
        public int? PublishedVersion { get; init; }
        public bool HasDraft { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed class BodyRow
    {
        public string Body { get; init; } = "";
        public int Version { get; init; }
        public bool IsPublished { get; init; }
        public bool IsLatest { get; init; }
    }

    private sealed class VersionRow
    {
        public int Version { get; init; }
        public bool IsPublished { get; init; }
        public bool IsLatest { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset? PublishedAt { get; init; }
    }
}
