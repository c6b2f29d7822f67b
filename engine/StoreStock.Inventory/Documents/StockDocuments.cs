using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Documents;

/// <summary>
/// Numbered documents that post all their lines or none: receipt 入库单 (with scan-to-receive), issue 出库单,
/// return 退货单, and write-off 报损单 (submitted by a clerk, approved by a manager). Each operation is one
/// transaction; a refused one changes nothing.
/// </summary>
public sealed class StockDocuments(InventoryDatabase database, LedgerWriter ledger, LineResolver lines, ScopeGuard scope, TimeProvider time)
{
    public async Task<Outcome<DocumentView>> CreateAsync(Caller caller, CreateDocumentRequest request, CancellationToken cancellationToken) =>
        await database.InTransactionAsync<Outcome<DocumentView>>(async (connection, transaction) =>
        {
            var prepared = await PrepareAsync(caller, request, connection, transaction, cancellationToken);
            if (!prepared.Succeeded)
            {
                return prepared.Failure!;
            }

            var (number, _) = await InsertAsync(connection, transaction, prepared.Value!, caller.Actor, "draft");
            return await LoadAsync(connection, transaction, number);
        }, cancellationToken, commitWhen: o => o.Succeeded);

    /// <summary>
    /// Checks a new document completely — fields, role, location and scope, lines — without writing anything, so a
    /// caller can validate first and write later in another transaction (a workflow step).
    /// </summary>
    public async Task<Outcome<PreparedDocument>> PrepareAsync(
        Caller caller, CreateDocumentRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = DocumentKind.Find(request.Kind);
        if (kind is null)
        {
            errors.Add("kind", $"must be one of {string.Join(", ", DocumentKind.All.Select(k => k.Code))}");
        }

        if (string.IsNullOrWhiteSpace(request.LocationCode))
        {
            errors.Add("locationCode", "is required");
        }

        if (kind == DocumentKind.WriteOff && !DocumentKind.WriteOffReasons.Contains(request.Reason))
        {
            errors.Add("reason", "must be damaged, expired or other");
        }
        else if (kind != DocumentKind.WriteOff && request.Reason is not null)
        {
            errors.Add("reason", "is only for write-offs");
        }

        if (request.PhotoUrl is { Length: > 2048 } || (request.PhotoUrl is not null && !Uri.TryCreate(request.PhotoUrl, UriKind.Absolute, out _)))
        {
            errors.Add("photoUrl", "must be an absolute URL of at most 2048 characters");
        }

        if (request.Note is { Length: > 500 } || request.Supplier is { Length: > 200 })
        {
            errors.Add(request.Note is { Length: > 500 } ? "note" : "supplier", "is too long");
        }

        var lineInputs = request.Lines?.Select(l => new LineInput(l?.Code, l?.Quantity ?? 0)).ToList() ?? [];
        if (lineInputs.Count > 0)
        {
            lines.Validate(lineInputs, errors);
            for (var i = 0; i < request.Lines!.Count; i++)
            {
                if (request.Lines[i]?.UnitCost is < 0 or > 1_000_000)
                {
                    errors.Add($"lines[{i}].unitCost", "must be between 0 and 1,000,000");
                }
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        if (!caller.Can(kind!.DraftPermission))
        {
            return Failure.Forbidden($"Your role may not create a {kind.Code} document.");
        }

        var locationId = await connection.ExecuteScalarAsync<int?>("select id from location where code = @LocationCode", request, transaction);
        if (locationId is null)
        {
            return FieldErrors.Of("locationCode", $"no location '{request.LocationCode}'");
        }

        if (!await scope.CanAccessLocationAsync(caller, locationId.Value, cancellationToken))
        {
            return Failure.Forbidden($"Location '{request.LocationCode}' is outside your scope.");
        }

        var resolved = lineInputs.Count == 0 ? [] : await LineResolver.ResolveAsync(connection, lineInputs, errors, transaction);
        if (errors.Any)
        {
            return errors;
        }

        var costByProduct = await FirstCostByProductAsync(connection, transaction, request.Lines ?? []);
        return new PreparedDocument(kind.Code, locationId.Value, request.Reason, request.PhotoUrl, request.Note, request.Supplier,
            [.. resolved.Select(l => new PreparedLine(l.ProductId, l.Quantity, costByProduct.GetValueOrDefault(l.ProductId)))]);
    }

    /// <summary>Writes a prepared document with the given status; returns its number and id.</summary>
    public async Task<(string Number, long Id)> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedDocument document, string actor, string status)
    {
        var kind = DocumentKind.Find(document.Kind)!;
        var now = time.GetUtcNow();
        var number = await DocumentNumbers.NextAsync(connection, transaction, kind.NumberPrefix, now);
        var submitted = status == "submitted";
        var id = await connection.ExecuteScalarAsync<long>(
            """
            insert into document (number, kind, status, location_id, reason, photo_url, note, supplier, created_by, created_at, submitted_by, submitted_at)
            values (@number, @Kind, @status, @LocationId, @Reason, @PhotoUrl, @Note, @Supplier, @actor, @now,
                    case when @submitted then @actor end, case when @submitted then @now end)
            returning id
            """,
            new { number, document.Kind, status, document.LocationId, document.Reason, document.PhotoUrl, document.Note, document.Supplier, actor, now, submitted },
            transaction);
        await connection.ExecuteAsync(
            """
            insert into document_line (document_id, line_no, product_id, quantity, unit_cost)
            select @id, n, p, q, c from unnest(@products, @quantities, @costs) with ordinality as t(p, q, c, n)
            """,
            new
            {
                id,
                products = document.Lines.Select(l => l.ProductId).ToArray(),
                quantities = document.Lines.Select(l => l.Quantity).ToArray(),
                costs = document.Lines.Select(l => l.UnitCost).ToArray(),
            },
            transaction);
        return (number, id);
    }

    /// <summary>Scan-to-receive: a barcode adds its quantity to the product's line, or starts a new line.</summary>
    public Task<Outcome<DocumentView>> ScanAsync(Caller caller, string number, ScanRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var quantity = request.Quantity ?? 1;
        lines.Validate([new LineInput(request.Barcode, quantity)], errors, "scan");
        if (errors.Any)
        {
            return Task.FromResult<Outcome<DocumentView>>(RenameScanErrors(errors));
        }

        return InDocumentAsync(caller, number, ["draft"], d => d.Kind.DraftPermission, async (connection, transaction, document) =>
        {
            var resolved = await LineResolver.ResolveAsync(connection, [new LineInput(request.Barcode, quantity)], errors, transaction, "scan");
            if (errors.Any)
            {
                return RenameScanErrors(errors);
            }

            var line = resolved[0];
            await connection.ExecuteAsync(
                """
                insert into document_line (document_id, line_no, product_id, quantity, barcode)
                values (@Id, (select coalesce(max(line_no), 0) + 1 from document_line where document_id = @Id), @ProductId, @Quantity, @barcode)
                on conflict (document_id, product_id) do update set quantity = document_line.quantity + excluded.quantity
                """,
                new { document.Id, line.ProductId, line.Quantity, barcode = request.Barcode!.Trim() },
                transaction);
            return null;
        }, cancellationToken);
    }

    /// <summary>Posts a receipt, issue or return: every line moves stock in one transaction, or none does.</summary>
    public Task<Outcome<DocumentView>> PostAsync(Caller caller, string number, CancellationToken cancellationToken) =>
        InDocumentAsync(caller, number, ["draft"], d => d.Kind.PostPermission, async (connection, transaction, document) =>
            document.Kind == DocumentKind.WriteOff
                ? Failure.Conflict("A write-off is submitted and approved, not posted directly.")
                : await PostLinesAsync(connection, transaction, document, caller.Actor, "posted", null, cancellationToken),
            cancellationToken);

    public Task<Outcome<DocumentView>> SubmitAsync(Caller caller, string number, CancellationToken cancellationToken) =>
        InDocumentAsync(caller, number, ["draft"], _ => Permission.SubmitWriteOff, async (connection, transaction, document) =>
        {
            if (document.Kind != DocumentKind.WriteOff)
            {
                return Failure.Conflict("Only a write-off is submitted for approval.");
            }

            if (!await connection.ExecuteScalarAsync<bool>("select exists (select 1 from document_line where document_id = @Id)", document, transaction))
            {
                return FieldErrors.Of("lines", "a write-off needs at least one line");
            }

            await connection.ExecuteAsync(
                "update document set status = 'submitted', submitted_by = @actor, submitted_at = @now where id = @Id",
                new { document.Id, actor = caller.Actor, now = time.GetUtcNow() },
                transaction);
            return null;
        }, cancellationToken);

    public Task<Outcome<DocumentView>> ApproveAsync(Caller caller, string number, DecisionRequest request, CancellationToken cancellationToken) =>
        InDocumentAsync(caller, number, ["submitted"], _ => Permission.ApproveWriteOff, (connection, transaction, document) =>
            PostLinesAsync(connection, transaction, document, caller.Actor, "posted", request.Comment, cancellationToken), cancellationToken);

    public Task<Outcome<DocumentView>> RejectAsync(Caller caller, string number, DecisionRequest request, CancellationToken cancellationToken) =>
        InDocumentAsync(caller, number, ["submitted"], _ => Permission.ApproveWriteOff, async (connection, transaction, document) =>
        {
            await DecideAsync(connection, transaction, document, "rejected", caller.Actor, request.Comment);
            return null;
        }, cancellationToken);

    public Task<Outcome<DocumentView>> GetAsync(Caller caller, string number, CancellationToken cancellationToken) =>
        InDocumentAsync(caller, number, null, _ => Permission.ReadStock, (_, _, _) => Task.FromResult<Outcome<DocumentView>?>(null), cancellationToken);

    public async Task<IReadOnlyList<DocumentView>> ListAsync(Caller caller, string? kind, string? status, string? location, int limit, CancellationToken cancellationToken)
    {
        var (locationScope, parameters) = ScopeGuard.LocationFilter(caller, "d.location_id");
        parameters.AddDynamicParams(new { kind, status, location, limit });
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await LoadManyAsync(connection, null, $"""
            {locationScope} and (@kind::text is null or d.kind = @kind) and (@status::text is null or d.status = @status)
              and (@location::text is null or l.code = @location)
            order by d.id desc limit @limit
            """, parameters);
    }

    /// <summary>A document's row as the operations that change it see it, locked for the rest of the transaction.</summary>
    internal sealed record Locked(long Id, DocumentKind Kind, string Status, int LocationId)
    {
        /// <returns>The document; null when there is none with that number.</returns>
        public static async Task<Locked?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number)
        {
            var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Kind, string Status, int LocationId)>(
                "select id, kind, status, location_id from document where number = @number for update",
                new { number },
                transaction);
            return row.Id == 0 ? null : new Locked(row.Id, DocumentKind.Find(row.Kind)!, row.Status, row.LocationId);
        }
    }

    /// <summary>Locks the document, checks state, role and scope, runs the step, and answers the document as it now is.</summary>
    private async Task<Outcome<DocumentView>> InDocumentAsync(
        Caller caller,
        string number,
        string[]? allowedStatuses,
        Func<Locked, Permission> permission,
        Func<NpgsqlConnection, NpgsqlTransaction, Locked, Task<Outcome<DocumentView>?>> step,
        CancellationToken cancellationToken)
    {
        return await database.InTransactionAsync<Outcome<DocumentView>>(async (connection, transaction) =>
        {
            var document = await Locked.LockAsync(connection, transaction, number);
            if (document is null || !await scope.CanAccessLocationAsync(caller, document.LocationId, cancellationToken))
            {
                return Failure.NotFound($"No document '{number}' in your scope.");
            }

            if (!caller.Can(permission(document)))
            {
                return Failure.Forbidden("Your role may not do this with this document.");
            }

            if (allowedStatuses is not null && !allowedStatuses.Contains(document.Status))
            {
                return Failure.Conflict($"Document '{number}' is {document.Status}.", new { status = document.Status });
            }

            return await step(connection, transaction, document) ?? await LoadAsync(connection, transaction, number);
        }, cancellationToken, commitWhen: o => o.Succeeded);
    }

    /// <summary>Moves every line's stock; null when posted, else why not.</summary>
    internal async Task<Outcome<DocumentView>?> PostLinesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Locked document, string actor, string status, string? comment, CancellationToken cancellationToken)
    {
        var documentLines = (await connection.QueryAsync<(int ProductId, string Sku, decimal Quantity, decimal? UnitCost)>(
            "select l.product_id, p.sku, l.quantity, l.unit_cost from document_line l join product p on p.id = l.product_id where l.document_id = @Id order by l.line_no",
            document,
            transaction)).ToList();
        if (documentLines.Count == 0)
        {
            return FieldErrors.Of("lines", "the document has no lines");
        }

        var moves = documentLines.Select(l => new StockMove(document.LocationId, l.ProductId, document.Kind.MoveKind, document.Kind.Direction * l.Quantity,
            UnitCost: document.Kind.Direction > 0 ? l.UnitCost : null, DocumentId: document.Id)).ToList();
        var written = await ledger.ApplyAsync(connection, transaction, moves, actor, requireAvailable: document.Kind.Direction < 0, cancellationToken);
        if (!written.Succeeded)
        {
            var shortLines = written.Shortfalls.Select(s => new { sku = documentLines.First(l => l.ProductId == s.ProductId).Sku, requested = s.Requested, available = s.Available });
            return Failure.Conflict("Not enough stock for every line; nothing was posted.", new { lines = shortLines });
        }

        await DecideAsync(connection, transaction, document, status, actor, comment);
        return null;
    }

    /// <summary>Records the decision on a document: its new status, who decided, when, and their note.</summary>
    internal Task DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Locked document, string status, string actor, string? note) =>
        connection.ExecuteAsync(
            "update document set status = @status, decided_by = @actor, decided_at = @now, decision_note = @note where id = @Id",
            new { document.Id, status, actor, now = time.GetUtcNow(), note },
            transaction);

    /// <summary>Lines for one product are merged; the merged line keeps the first unit cost given for it.</summary>
    private static async Task<Dictionary<int, decimal?>> FirstCostByProductAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DocumentLineInput> requested)
    {
        var products = await LineResolver.FindProductsAsync(connection, requested.Select(l => l.Code!.Trim()), transaction);
        return requested
            .Where(l => l.UnitCost is not null && products.ContainsKey(l.Code!.Trim()))
            .GroupBy(l => products[l.Code!.Trim()].Id)
            .ToDictionary(g => g.Key, g => g.First().UnitCost);
    }

    private static async Task<DocumentView> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string number) =>
        (await LoadManyAsync(connection, transaction, "d.number = @number", new DynamicParameters(new { number })))[0];

    /// <summary>Documents matching a where clause over document d and location l (order by / limit may follow), with their lines: two queries in all.</summary>
    private static async Task<IReadOnlyList<DocumentView>> LoadManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string condition, DynamicParameters parameters)
    {
        var headers = (await connection.QueryAsync<DocumentHeader>(
            $"""
            select d.id, d.number, d.kind, d.status, l.code as LocationCode, d.reason, d.photo_url as PhotoUrl, d.note, d.supplier,
                   d.created_by as CreatedBy, d.created_at as CreatedAt, d.submitted_by as SubmittedBy, d.decided_by as DecidedBy,
                   d.decided_at as DecidedAt, d.decision_note as DecisionNote
            from document d join location l on l.id = d.location_id where {condition}
            """,
            parameters,
            transaction)).ToList();
        var lines = (await connection.QueryAsync<(long DocumentId, int LineNo, string Sku, string Name, decimal Quantity, decimal? UnitCost, string? Barcode)>(
            """
            select l.document_id, l.line_no, p.sku, p.name, l.quantity, l.unit_cost, l.barcode
            from document_line l join product p on p.id = l.product_id where l.document_id = any(@ids) order by l.document_id, l.line_no
            """,
            new { ids = headers.Select(h => h.Id).ToArray() },
            transaction)).ToLookup(l => l.DocumentId, l => new DocumentLineView(l.LineNo, l.Sku, l.Name, l.Quantity, l.UnitCost, l.Barcode));
        return headers.Select(h => new DocumentView(h.Number, h.Kind, h.Status, h.LocationCode, h.Reason, h.PhotoUrl, h.Note, h.Supplier,
            h.CreatedBy, h.CreatedAt, h.SubmittedBy, h.DecidedBy, h.DecidedAt, h.DecisionNote, lines[h.Id].ToList())).ToList();
    }

    private sealed class DocumentHeader
    {
        public long Id { get; init; }

        public string Number { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Status { get; init; } = "";

        public string LocationCode { get; init; } = "";

        public string? Reason { get; init; }

        public string? PhotoUrl { get; init; }

        public string? Note { get; init; }

        public string? Supplier { get; init; }

        public string CreatedBy { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public string? SubmittedBy { get; init; }

        public string? DecidedBy { get; init; }

        public DateTimeOffset? DecidedAt { get; init; }

        public string? DecisionNote { get; init; }
    }

    private static FieldErrors RenameScanErrors(FieldErrors errors)
    {
        var renamed = new FieldErrors();
        foreach (var (field, reasons) in errors.ByField)
        {
            var name = field.Replace("scan[0].code", "barcode", StringComparison.Ordinal).Replace("scan[0].quantity", "quantity", StringComparison.Ordinal);
            reasons.ForEach(r => renamed.Add(name, r));
        }

        return renamed;
    }
}
