using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog.Import;

/// <summary>A problem with one cell (or one row, or the header row) of an uploaded file.</summary>
public sealed record ImportRowError(int Row, string Column, string Reason);

/// <summary>Every problem found in a file, in row order; the report keeps the first <see cref="MaxReported"/>.</summary>
public sealed class ImportErrors
{
    public const int MaxReported = 1000;

    private readonly List<ImportRowError> _errors = [];

    public int Count => _errors.Count;

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<ImportRowError> Reported =>
        _errors.OrderBy(e => e.Row).Take(MaxReported).ToList();

    public void Add(int row, string column, string reason) => _errors.Add(new ImportRowError(row, column, reason));
}

/// <summary>The result of an import: a summary, the file's problems, or why it could not be read or was refused.</summary>
public sealed class ImportOutcome<T>
    where T : notnull
{
    private ImportOutcome(T? value, ImportErrors? errors, string? fileError, Failure? failure)
    {
        Value = value;
        Errors = errors;
        FileError = fileError;
        Failure = failure;
    }

    public T? Value { get; }

    /// <summary>Problems with rows: nothing was written.</summary>
    public ImportErrors? Errors { get; }

    /// <summary>The upload is not a file that can be read at all.</summary>
    public string? FileError { get; }

    public Failure? Failure { get; }

    public static implicit operator ImportOutcome<T>(T value) => new(value, null, null, null);

    public static implicit operator ImportOutcome<T>(ImportErrors errors) => new(default, errors, null, null);

    public static implicit operator ImportOutcome<T>(Failure failure) => new(default, null, null, failure);

    public static implicit operator ImportOutcome<T>(UnreadableFile file) => new(default, null, file.Reason, null);
}

public sealed record UnreadableFile(string Reason);
