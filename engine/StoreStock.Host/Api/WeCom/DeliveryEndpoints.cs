using StoreStock.Host.Auth;
using StoreStock.WeCom.Delivery;

namespace StoreStock.Host.Api.WeCom;

/// <summary>HQ's list of WeCom deliveries (what waits, what went, what died and why) and sending a dead one again.</summary>
public static class DeliveryEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static void MapDeliveryEndpoints(this RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/wecom/deliveries").WithTags("WeCom").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Caller().IsHq ? await next(context) : Problems.Forbidden("只有总部可以查看企业微信投递 (only HQ may see WeCom deliveries)"));

        deliveries.MapGet("/", async (string? status, long? before, int? limit, DeliveryQueries queries, CancellationToken ct) =>
        {
            if (status is not null && !DeliveryQueries.Statuses.Contains(status, StringComparer.Ordinal))
            {
                return (IResult)Problems.Invalid("status", $"must be one of: {string.Join(", ", DeliveryQueries.Statuses)}");
            }

            return TypedResults.Ok(await queries.ListAsync(status, before, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), ct));
        })
            .WithSummary("WeCom deliveries, newest first (HQ): status pending / sent / dead, with recipient, kind, title, attempts and the last error; page with before = nextBefore");

        deliveries.MapPost("/{id:long}/retry", async (long id, DeliveryQueries queries, CancellationToken ct) =>
            OutcomeResults.Ok(await queries.RetryAsync(id, ct)))
            .WithSummary("Send a dead delivery again (HQ): back to pending with fresh attempts; 404 when there is no such message, 409 when it is not dead");
    }
}
