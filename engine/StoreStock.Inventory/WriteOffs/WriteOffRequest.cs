using StoreStock.Inventory.Documents;

namespace StoreStock.Inventory.WriteOffs;

/// <summary>A write-off 报损 as a clerk reports it: where, why, a photo of the goods, and the lines.</summary>
public sealed record WriteOffRequest(string? LocationCode, string? Reason, string? PhotoUrl, string? Note, IReadOnlyList<DocumentLineInput>? Lines);

/// <summary>A write-off written as a submitted document, with what it is worth at the current average cost.</summary>
public sealed record SubmittedWriteOff(string Number, decimal Value);

/// <summary>A write-off that passed every check, and the store whose process approves it.</summary>
public sealed record CheckedWriteOff(PreparedDocument Document, int StoreId);
