using StoreStock.Host.Auth;
using StoreStock.Inventory.Channels;
using StoreStock.Inventory.Shared;

namespace StoreStock.Host.Api.Channels;

/// <summary>
/// Channel integrations (多渠道): till sales, online orders and group-buy redemptions. Every write is idempotent by
/// (channel, external id): a replay answers the first result with header Idempotent-Replayed: true.
/// </summary>
public static class ChannelEndpoints
{
    public static void MapChannelEndpoints(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/channels/{channel}").WithTags("Channels");

        channels.MapPost("/sales", async (string channel, PosSales.SaleRequest request, HttpContext context, PosSales sales) =>
            Supported(channel, SalesChannel.RecordsSales, "records till sales")
            ?? (await sales.RecordAsync(context.Caller(), channel, request, context.RequestAborted)).ToHttp(context))
            .WithSummary("Record a till receipt (销售出库); always recorded, a negative balance is flagged");

        channels.MapPost("/orders", async (string channel, OnlineOrders.ReserveRequest request, HttpContext context, OnlineOrders orders) =>
            Supported(channel, SalesChannel.TakesOrders, "takes online orders")
            ?? (await orders.ReserveAsync(context.Caller(), channel, request, context.RequestAborted)).ToHttp(context))
            .WithSummary("Reserve stock for an online order; 409 with the available quantity when short");

        channels.MapPost("/orders/{externalId}/fulfil", async (string channel, string externalId, HttpContext context, OnlineOrders orders) =>
            Supported(channel, SalesChannel.TakesOrders, "takes online orders")
            ?? (await orders.FulfilAsync(context.Caller(), channel, externalId, context.RequestAborted)).ToHttp(context))
            .WithSummary("Fulfil a reserved order: deduct on hand and the reservation");

        channels.MapPost("/orders/{externalId}/cancel", async (string channel, string externalId, HttpContext context, OnlineOrders orders) =>
            Supported(channel, SalesChannel.TakesOrders, "takes online orders")
            ?? (await orders.CancelAsync(context.Caller(), channel, externalId, context.RequestAborted)).ToHttp(context))
            .WithSummary("Cancel a reserved order: release the reservation");

        channels.MapPost("/redemptions", async (string channel, GroupBuyRedemptions.RedeemRequest request, HttpContext context, GroupBuyRedemptions redemptions) =>
            Supported(channel, SalesChannel.RedeemsVouchers, "redeems group-buy vouchers")
            ?? (await redemptions.RedeemAsync(context.Caller(), channel, request, context.RequestAborted)).ToHttp(context))
            .WithSummary("Redeem a group-buy voucher (团购核销): deduct its items");

        channels.MapPost("/redemptions/{voucher}/undo", async (string channel, string voucher, HttpContext context, GroupBuyRedemptions redemptions) =>
            Supported(channel, SalesChannel.RedeemsVouchers, "redeems group-buy vouchers")
            ?? (await redemptions.UndoAsync(context.Caller(), channel, voucher, context.RequestAborted)).ToHttp(context))
            .WithSummary("Undo a redemption (撤销核销): put its items back");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Supported(string channel, Func<string, bool> does, string what)
    {
        if (!SalesChannel.All.Contains(channel))
        {
            return Problems.NotFound($"Unknown channel '{channel}'. Channels: {string.Join(", ", SalesChannel.All)}.");
        }

        return does(channel) ? null : Problems.Invalid("channel", $"channel '{channel}' is not one that {what}");
    }
}
