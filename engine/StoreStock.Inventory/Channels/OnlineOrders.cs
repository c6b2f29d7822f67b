using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Channels;

/// <summary>
/// Online orders (小程序): reserve only what is available (invariant 3, never oversell), then fulfil (deduct) or
/// cancel (release). Unfulfilled reservations expire after <see cref="InventoryOptions.ReservationTtl"/>.
/// </summary>
public sealed class OnlineOrders(InventoryDatabase database, ChannelOperation frame, LedgerWriter ledger, InventoryOptions options, TimeProvider time)
{
    public sealed record ReserveRequest(string? ExternalId, string? StoreCode, IReadOnlyList<LineInput>? Lines);

    public sealed record OrderLine(string Sku, decimal Quantity);

    public sealed record OrderView(string Channel, string ExternalId, string StoreCode, string Status, DateTimeOffset ExpiresAt, IReadOnlyList<OrderLine> Lines);

    public async Task<StoredResult> ReserveAsync(Caller caller, string channel, ReserveRequest request, CancellationToken cancellationToken)
    {
        var frameRequest = new ChannelOperation.LinesRequest("reserve", "externalId", request.ExternalId, request.StoreCode, request.Lines, Idempotency.Hash(request));
        return await frame.RunOnLinesAsync(caller, channel, frameRequest, async (connection, transaction, binding, resolved) =>
        {
            var moves = resolved.Select(l => new StockMove(binding.LocationId, l.ProductId, MoveKind.Reserve, 0, ReservedDelta: l.Quantity,
                Channel: channel, ExternalRef: request.ExternalId)).ToList();
            var written = await ledger.ApplyAsync(connection, transaction, moves, caller.Actor, requireAvailable: true, cancellationToken);
            if (!written.Succeeded)
            {
                var shortLines = written.Shortfalls.Select(s => new
                {
                    sku = resolved.First(l => l.ProductId == s.ProductId).Sku,
                    requested = s.Requested,
                    available = s.Available,
                });
                return ChannelOperation.Refuse(409, "Not enough stock.", "Available stock does not cover the order; nothing was reserved.", new { lines = shortLines });
            }

            var now = time.GetUtcNow();
            var expiresAt = now + options.ReservationTtl;
            var orderId = await connection.ExecuteScalarAsync<long>(
                """
                insert into online_order (channel, external_id, store_id, location_id, status, reserved_at, expires_at)
                values (@channel, @externalId, @StoreId, @LocationId, 'reserved', @now, @expiresAt) returning id
                """,
                new { channel, externalId = request.ExternalId, binding.StoreId, binding.LocationId, now, expiresAt },
                transaction);
            await connection.ExecuteAsync(
                "insert into online_order_line (order_id, product_id, quantity) select @orderId, * from unnest(@products, @quantities)",
                new { orderId, products = resolved.Select(l => l.ProductId).ToArray(), quantities = resolved.Select(l => l.Quantity).ToArray() },
                transaction);
            return ChannelOperation.Ok(201, new OrderView(channel, request.ExternalId!, binding.StoreCode, "reserved", expiresAt,
                resolved.Select(l => new OrderLine(l.Sku, l.Quantity)).ToList()));
        }, cancellationToken);
    }

    public Task<StoredResult> FulfilAsync(Caller caller, string channel, string externalId, CancellationToken cancellationToken) =>
        CloseAsync(caller, channel, externalId, "fulfilled", cancellationToken);

    public Task<StoredResult> CancelAsync(Caller caller, string channel, string externalId, CancellationToken cancellationToken) =>
        CloseAsync(caller, channel, externalId, "cancelled", cancellationToken);

    /// <summary>Releases every reservation whose time is up. Returns how many orders expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        while (true)
        {
            var batch = await database.InTransactionAsync(async (connection, transaction) =>
            {
                var due = (await connection.QueryAsync<OrderRow>(
                    """
                    select o.id, o.channel, o.external_id, o.location_id, o.status, o.store_id, o.expires_at, s.code as store_code
                    from online_order o join store s on s.id = o.store_id
                    where o.status = 'reserved' and o.expires_at <= @now
                    order by o.expires_at limit 100 for update of o skip locked
                    """,
                    new { now = time.GetUtcNow() },
                    transaction)).ToList();
                foreach (var order in due)
                {
                    await ReleaseOrDeductAsync(connection, transaction, order, "expired", "system:reservation-expiry", cancellationToken);
                }

                return due.Count;
            }, cancellationToken);
            expired += batch;
            if (batch < 100)
            {
                return expired;
            }
        }
    }

    private async Task<StoredResult> CloseAsync(Caller caller, string channel, string externalId, string targetStatus, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireExternalId("externalId", externalId);
        if (errors.Any)
        {
            return ChannelOperation.Invalid(errors);
        }

        var operation = targetStatus == "fulfilled" ? "fulfil" : "cancel";
        return await frame.RunAsync($"{channel}:{operation}", externalId, Idempotency.Hash(operation), async (connection, transaction) =>
        {
            var order = await connection.QuerySingleOrDefaultAsync<OrderRow>(
                """
                select o.id, o.channel, o.external_id, o.location_id, o.status, o.store_id, o.expires_at, s.code as store_code
                from online_order o join store s on s.id = o.store_id
                where o.channel = @channel and o.external_id = @externalId for update of o
                """,
                new { channel, externalId },
                transaction);
            if (order is null)
            {
                return ChannelOperation.Refuse(404, "Order not found.", $"No {channel} order '{externalId}' was reserved.");
            }

            if (!ChannelOperation.MayAct(caller, channel, order.StoreId))
            {
                return ChannelOperation.Refuse(403, "Order not in scope.", "This API key is not bound to the order's channel and store.");
            }

            if (order.Status != "reserved")
            {
                return ChannelOperation.Refuse(409, $"Order is already {order.Status}.", $"Order '{externalId}' is {order.Status}; it cannot be {targetStatus}.",
                    new { status = order.Status });
            }

            var orderLines = await ReleaseOrDeductAsync(connection, transaction, order, targetStatus, caller.Actor, cancellationToken);
            return ChannelOperation.Ok(200, new OrderView(channel, externalId, order.StoreCode, targetStatus, order.ExpiresAt, orderLines));
        }, cancellationToken);
    }

    /// <summary>Fulfilling deducts on hand and the reservation together; cancelling or expiring releases the reservation.</summary>
    private async Task<IReadOnlyList<OrderLine>> ReleaseOrDeductAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OrderRow order, string targetStatus, string actor, CancellationToken cancellationToken)
    {
        var orderLines = (await connection.QueryAsync<(int ProductId, string Sku, decimal Quantity)>(
            "select l.product_id, p.sku, l.quantity from online_order_line l join product p on p.id = l.product_id where l.order_id = @Id",
            order,
            transaction)).ToList();
        var fulfil = targetStatus == "fulfilled";
        var moves = orderLines.Select(l => new StockMove(
            order.LocationId, l.ProductId, fulfil ? MoveKind.Sale : MoveKind.Release,
            OnHandDelta: fulfil ? -l.Quantity : 0, ReservedDelta: -l.Quantity,
            Channel: order.Channel, ExternalRef: order.ExternalId)).ToList();
        await ledger.ApplyAsync(connection, transaction, moves, actor, cancellationToken: cancellationToken);
        await connection.ExecuteAsync(
            "update online_order set status = @targetStatus, closed_at = @now where id = @id",
            new { targetStatus, now = time.GetUtcNow(), id = order.Id },
            transaction);
        return orderLines.Select(l => new OrderLine(l.Sku, l.Quantity)).ToList();
    }

    private sealed class OrderRow
    {
        public long Id { get; init; }

        public string Channel { get; init; } = "";

        public string ExternalId { get; init; } = "";

        public int LocationId { get; init; }

        public string Status { get; init; } = "";

        public int StoreId { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }

        public string StoreCode { get; init; } = "";
    }
}
