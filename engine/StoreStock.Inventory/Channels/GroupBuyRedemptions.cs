using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Ledger;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Channels;

/// <summary>
/// Group-buy vouchers (抖音/美团/微信团购) redeemed in store (核销): the goods leave the shelf, so redemption is a
/// recorded fact like a till sale; undo (撤销核销) puts them back.
/// </summary>
public sealed class GroupBuyRedemptions(ChannelOperation frame, LedgerWriter ledger, TimeProvider time)
{
    public sealed record RedeemRequest(string? Voucher, string? StoreCode, IReadOnlyList<LineInput>? Lines);

    public sealed record RedemptionView(string Channel, string Voucher, string StoreCode, string Status, IReadOnlyList<OnlineOrders.OrderLine> Lines);

    public async Task<StoredResult> RedeemAsync(Caller caller, string channel, RedeemRequest request, CancellationToken cancellationToken)
    {
        var frameRequest = new ChannelOperation.LinesRequest("redeem", "voucher", request.Voucher, request.StoreCode, request.Lines, Idempotency.Hash(request));
        return await frame.RunOnLinesAsync(caller, channel, frameRequest, async (connection, transaction, binding, resolved) =>
        {
            var moves = resolved.Select(l => new StockMove(binding.LocationId, l.ProductId, MoveKind.GroupBuyRedemption, -l.Quantity,
                Channel: channel, ExternalRef: request.Voucher)).ToList();
            await ledger.ApplyAsync(connection, transaction, moves, caller.Actor, cancellationToken: cancellationToken);
            var redemptionId = await connection.ExecuteScalarAsync<long>(
                """
                insert into groupbuy_redemption (channel, voucher, store_id, location_id, status, redeemed_at)
                values (@channel, @voucher, @StoreId, @LocationId, 'redeemed', @now) returning id
                """,
                new { channel, voucher = request.Voucher, binding.StoreId, binding.LocationId, now = time.GetUtcNow() },
                transaction);
            await connection.ExecuteAsync(
                "insert into groupbuy_redemption_line (redemption_id, product_id, quantity) select @redemptionId, * from unnest(@products, @quantities)",
                new { redemptionId, products = resolved.Select(l => l.ProductId).ToArray(), quantities = resolved.Select(l => l.Quantity).ToArray() },
                transaction);
            return ChannelOperation.Ok(201, new RedemptionView(channel, request.Voucher!, binding.StoreCode, "redeemed",
                resolved.Select(l => new OnlineOrders.OrderLine(l.Sku, l.Quantity)).ToList()));
        }, cancellationToken);
    }

    public async Task<StoredResult> UndoAsync(Caller caller, string channel, string voucher, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireExternalId("voucher", voucher);
        if (errors.Any)
        {
            return ChannelOperation.Invalid(errors);
        }

        return await frame.RunAsync($"{channel}:undo", voucher, Idempotency.Hash("undo"), async (connection, transaction) =>
        {
            var redemption = await connection.QuerySingleOrDefaultAsync<(long Id, int StoreId, int LocationId, string Status, string StoreCode)>(
                """
                select r.id, r.store_id, r.location_id, r.status, s.code from groupbuy_redemption r join store s on s.id = r.store_id
                where r.channel = @channel and r.voucher = @voucher for update of r
                """,
                new { channel, voucher },
                transaction);
            if (redemption.Id == 0)
            {
                return ChannelOperation.Refuse(404, "Voucher not found.", $"No {channel} voucher '{voucher}' was redeemed.");
            }

            if (!ChannelOperation.MayAct(caller, channel, redemption.StoreId))
            {
                return ChannelOperation.Refuse(403, "Voucher not in scope.", "This API key is not bound to the voucher's channel and store.");
            }

            if (redemption.Status != "redeemed")
            {
                return ChannelOperation.Refuse(409, "Redemption already undone.", $"Voucher '{voucher}' is {redemption.Status}.", new { status = redemption.Status });
            }

            var voucherLines = (await connection.QueryAsync<(int ProductId, string Sku, decimal Quantity)>(
                "select l.product_id, p.sku, l.quantity from groupbuy_redemption_line l join product p on p.id = l.product_id where l.redemption_id = @Id",
                new { redemption.Id },
                transaction)).ToList();
            var moves = voucherLines.Select(l => new StockMove(redemption.LocationId, l.ProductId, MoveKind.GroupBuyUndo, l.Quantity,
                Channel: channel, ExternalRef: voucher)).ToList();
            await ledger.ApplyAsync(connection, transaction, moves, caller.Actor, cancellationToken: cancellationToken);
            await connection.ExecuteAsync(
                "update groupbuy_redemption set status = 'undone', undone_at = @now where id = @Id",
                new { redemption.Id, now = time.GetUtcNow() },
                transaction);
            return ChannelOperation.Ok(200, new RedemptionView(channel, voucher, redemption.StoreCode, "undone",
                voucherLines.Select(l => new OnlineOrders.OrderLine(l.Sku, l.Quantity)).ToList()));
        }, cancellationToken);
    }
}
