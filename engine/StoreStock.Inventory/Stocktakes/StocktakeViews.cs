namespace StoreStock.Inventory.Stocktakes;

public sealed record CountLineInput(string? Sku, string? Barcode, decimal? Counted);

public sealed record CountRequest(IReadOnlyList<CountLineInput?>? Lines);

/// <summary>A line as people see it; in a blind count the clerks see no system quantity (nor what would give it away).</summary>
public sealed record StocktakeLineView(
    string Sku, string Name, decimal? SnapshotQuantity, decimal? SystemQuantity, decimal? Counted, decimal? Difference, decimal? Value,
    string? CountedBy, DateTimeOffset? CountedAt, bool Recount);

public sealed record StocktakeView(
    string Number, string StoreCode, string Status, string ScopeKind, IReadOnlyList<int> ScopeIds, bool Blind, int Round,
    DateTimeOffset SnapshotAt, DateTimeOffset? Deadline, int? ScheduleId, DateTimeOffset? ScheduledFor, Guid? InstanceId,
    string CreatedBy, string? SubmittedBy, string? PostedBy, DateTimeOffset? PostedAt, bool SystemQuantitiesHidden,
    IReadOnlyList<StocktakeLineView> Lines);

public sealed record StocktakeSummary(
    string Number, string StoreCode, string Status, string ScopeKind, bool Blind, DateTimeOffset SnapshotAt, DateTimeOffset? Deadline,
    int? ScheduleId, DateTimeOffset? ScheduledFor, decimal? GainValue, decimal? LossValue);

public sealed record ReportLine(string Sku, string Name, decimal SystemQuantity, decimal? Counted, decimal? Difference, decimal? Value);

/// <summary>盘点报告: per line the system quantity, the count, the difference and its value; totals of gain and loss.</summary>
public sealed record StocktakeReport(
    string Number, string StoreCode, string Status, IReadOnlyList<ReportLine> Lines, decimal GainValue, decimal LossValue, decimal NetValue, int DifferingLines);
