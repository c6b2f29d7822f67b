namespace StoreStock.Inventory.Documents;

public sealed record DocumentLineInput(string? Code, decimal Quantity, decimal? UnitCost);

public sealed record CreateDocumentRequest(
    string? Kind, string? LocationCode, string? Supplier, string? Reason, string? PhotoUrl, string? Note, IReadOnlyList<DocumentLineInput>? Lines);

public sealed record ScanRequest(string? Barcode, decimal? Quantity);

public sealed record DecisionRequest(string? Comment);

public sealed record DocumentLineView(int LineNo, string Sku, string Name, decimal Quantity, decimal? UnitCost, string? Barcode);

public sealed record DocumentView(
    string Number, string Kind, string Status, string LocationCode, string? Reason, string? PhotoUrl, string? Note, string? Supplier,
    string CreatedBy, DateTimeOffset CreatedAt, string? SubmittedBy, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote,
    IReadOnlyList<DocumentLineView> Lines);

/// <summary>A new document that passed every check, ready to be written (lines merged per product, product ids resolved).</summary>
public sealed record PreparedDocument(
    string Kind, int LocationId, string? Reason, string? PhotoUrl, string? Note, string? Supplier, IReadOnlyList<PreparedLine> Lines);

public sealed record PreparedLine(int ProductId, decimal Quantity, decimal? UnitCost);
