using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Documents;

namespace StoreStock.Inventory.WriteOffs;

/// <summary>
/// The write-off document as a process drives it: checked up front, written as submitted, then posted, rejected or
/// cancelled inside the caller's transaction (a workflow step). Each step checks the document's status first, so a
/// step run again changes nothing twice.
/// </summary>
public sealed class WriteOffSteps(InventoryDatabase database, StockDocuments documents)
{
    public const string ShortNote = "库存不足，未过账 (not enough stock; nothing was posted)";

    /// <summary>
    /// Every check of a new write-off (fields, a photo, role, location, scope, lines), writing nothing; also which store
    /// it belongs to (the caller's own store when the location is a pool several stores share).
    /// </summary>
    public Task<Outcome<CheckedWriteOff>> CheckAsync(Caller caller, WriteOffRequest request, CancellationToken cancellationToken) =>
        database.InTransactionAsync<Outcome<CheckedWriteOff>>(async (connection, transaction) =>
        {
            var errors = new FieldErrors();
            if (request.Lines is not { Count: > 0 })
            {
                errors.Add("lines", "a write-off needs at least one line");
            }

            if (string.IsNullOrWhiteSpace(request.PhotoUrl))
            {
                errors.Add("photoUrl", "a photo of the goods is required");
            }

            if (errors.Any)
            {
                return errors;
            }

            var prepared = await documents.PrepareAsync(caller, new CreateDocumentRequest(
                DocumentKind.WriteOff.Code, request.LocationCode, null, request.Reason, request.PhotoUrl, request.Note, request.Lines),
                connection, transaction, cancellationToken);
            if (!prepared.Succeeded)
            {
                return prepared.FailedAs<CheckedWriteOff>();
            }

            var storeId = await connection.ExecuteScalarAsync<int?>(
                "select store_id from store_location where location_id = @LocationId order by store_id = @own desc, store_id limit 1",
                new { prepared.Value!.LocationId, own = caller.StoreId ?? 0 },
                transaction);
            return storeId is null
                ? FieldErrors.Of("locationCode", "is not a location of a store")
                : new CheckedWriteOff(prepared.Value, storeId.Value);
        }, cancellationToken, commitWhen: _ => false);

    public async Task<SubmittedWriteOff> SubmitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedDocument document, string actor)
    {
        var (number, id) = await documents.InsertAsync(connection, transaction, document, actor, "submitted");
        var value = await connection.ExecuteScalarAsync<decimal>(
            """
            select coalesce(sum(l.quantity * coalesce(nullif(s.avg_cost, 0), p.cost_price)), 0)
            from document_line l join document d on d.id = l.document_id join product p on p.id = l.product_id
            left join stock_level s on s.location_id = d.location_id and s.product_id = l.product_id
            where l.document_id = @id
            """,
            new { id },
            transaction);
        return new SubmittedWriteOff(number, decimal.Round(value, 2));
    }

    /// <summary>Posts a submitted write-off. False when stock is short: then nothing moves and the document is rejected with a note.</summary>
    public async Task<bool> PostAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number, string actor, string? comment, CancellationToken cancellationToken)
    {
        var document = await LockAsync(connection, transaction, number);
        if (document.Status != "submitted")
        {
            return document.Status == "posted";
        }

        if (await documents.PostLinesAsync(connection, transaction, document, actor, "posted", comment, cancellationToken) is null)
        {
            return true;
        }

        await documents.DecideAsync(connection, transaction, document, "rejected", actor, ShortNote);
        return false;
    }

    public async Task RejectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number, string actor, string? comment)
    {
        var document = await LockAsync(connection, transaction, number);
        if (document.Status == "submitted")
        {
            await documents.DecideAsync(connection, transaction, document, "rejected", actor, comment);
        }
    }

    public async Task CancelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number, string actor)
    {
        var document = await LockAsync(connection, transaction, number);
        if (document.Status == "submitted")
        {
            await documents.DecideAsync(connection, transaction, document, "cancelled", actor, "流程已取消 (the process was cancelled)");
        }
    }

    private static async Task<StockDocuments.Locked> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number) =>
        await StockDocuments.Locked.LockAsync(connection, transaction, number) ?? throw new InvalidOperationException($"No document {number}.");
}
