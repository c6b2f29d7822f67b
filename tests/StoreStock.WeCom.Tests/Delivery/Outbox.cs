using Dapper;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>The delivery state of outbox messages, read straight from the database.</summary>
public static class Outbox
{
    public sealed record Row(long Id, string Kind, string Recipient, Guid? TaskId, string Status, int Attempts, string? LastError, string? Note);

    public static async Task<IReadOnlyList<Row>> RowsAsync(this StoreStockApp app, string where, object? args = null)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return (await connection.QueryAsync<Row>(
            $"select id, kind, recipient, task_id as TaskId, status, attempts, last_error as LastError, note from wf_outbox where {where} order by id", args)).ToList();
    }

    /// <summary>Polls (real time) until the query counts at least <paramref name="expected"/>.</summary>
    public static Task UntilCountAsync(this StoreStockApp app, string sql, long expected, string what, object? args = null) =>
        WorkflowProbes.UntilAsync(async () => await app.CountAsync(sql, args) >= expected, what);
}
